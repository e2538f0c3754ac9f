/**
 * The parts of ASP.NET's <system.web> that change how IIS runs a request: Forms authentication and its
 * login URL, <authorization> rules (ASP.NET URL authorization), the integrated-mode checks of
 * ConfigurationValidationModule (httpModules, httpHandlers, identity impersonate: 500.22 to 500.24),
 * and the managed modules that only subscribe when enabled.
 */
import { childElement, childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';

export interface SystemWebAuthorizationRule {
  action: 'allow' | 'deny';
  /** `*` everyone, `?` anonymous users, or names. */
  users: string[];
  roles: string[];
  verbs: string[];
}

export interface SystemWebConfig {
  authenticationMode: 'None' | 'Windows' | 'Forms' | 'Passport' | 'Federated';
  formsLoginUrl: string;
  formsCookieName: string;
  /** Closest configuration first, as ASP.NET evaluates them. */
  authorization: SystemWebAuthorizationRule[];
  roleManagerEnabled: boolean;
  anonymousIdentificationEnabled: boolean;
  urlMappingsEnabled: boolean;
  /** Set when <system.web><httpModules> adds modules (ConfigurationValidationModule: 500.22). */
  hasHttpModules: boolean;
  /** Set when <system.web><httpHandlers> adds handlers (500.23). */
  hasHttpHandlers: boolean;
  /** <identity impersonate="true"> (500.24). */
  impersonate: boolean;
}

export function defaultSystemWeb(): SystemWebConfig {
  return {
    authenticationMode: 'Windows',
    formsLoginUrl: 'login.aspx',
    formsCookieName: '.ASPXAUTH',
    authorization: [],
    roleManagerEnabled: false,
    anonymousIdentificationEnabled: false,
    urlMappingsEnabled: false,
    hasHttpModules: false,
    hasHttpHandlers: false,
    impersonate: false,
  };
}

const split = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

const MODES = ['None', 'Windows', 'Forms', 'Passport', 'Federated'] as const;

/** Applies one <system.web> element (a lower level) on top of what is inherited. */
export function mergeSystemWeb(inherited: SystemWebConfig, systemWeb: XmlElement): SystemWebConfig {
  const result: SystemWebConfig = { ...inherited, authorization: [...inherited.authorization] };
  const authentication = childElement(systemWeb, 'authentication');
  if (authentication !== undefined) {
    const mode = MODES.find((m) => m.toLowerCase() === (getAttribute(authentication, 'mode') ?? '').toLowerCase());
    if (mode !== undefined) result.authenticationMode = mode;
    const forms = childElement(authentication, 'forms');
    if (forms !== undefined) {
      result.formsLoginUrl = getAttribute(forms, 'loginUrl') ?? result.formsLoginUrl;
      result.formsCookieName = getAttribute(forms, 'name') ?? result.formsCookieName;
    }
  }
  const authorization = childElement(systemWeb, 'authorization');
  if (authorization !== undefined) {
    const rules: SystemWebAuthorizationRule[] = [];
    for (const rule of childElements(authorization)) {
      if (rule.name !== 'allow' && rule.name !== 'deny') continue;
      rules.push({ action: rule.name, users: split(getAttribute(rule, 'users')), roles: split(getAttribute(rule, 'roles')), verbs: split(getAttribute(rule, 'verbs')) });
    }
    // The closest configuration's rules are checked first.
    result.authorization = [...rules, ...result.authorization];
  }
  const enabled = (name: string): boolean | undefined => {
    const element = childElement(systemWeb, name);
    const value = element === undefined ? undefined : getAttribute(element, 'enabled');
    return value === undefined ? undefined : value.toLowerCase() === 'true';
  };
  result.roleManagerEnabled = enabled('roleManager') ?? result.roleManagerEnabled;
  result.anonymousIdentificationEnabled = enabled('anonymousIdentification') ?? result.anonymousIdentificationEnabled;
  result.urlMappingsEnabled = enabled('urlMappings') ?? result.urlMappingsEnabled;
  const adds = (name: string): boolean => {
    const element = childElement(systemWeb, name);
    return element !== undefined && childElements(element).some((e) => e.name === 'add');
  };
  if (adds('httpModules')) result.hasHttpModules = true;
  if (adds('httpHandlers')) result.hasHttpHandlers = true;
  const identity = childElement(systemWeb, 'identity');
  if (identity !== undefined) result.impersonate = (getAttribute(identity, 'impersonate') ?? '').toLowerCase() === 'true';
  return result;
}
