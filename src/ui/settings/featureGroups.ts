/**
 * The features of the Settings tab, named as IIS Manager names them, and the sections, attributes and
 * collections behind each: only what the engine honours (src/config/schema/webServer.ts, systemWeb.ts).
 * Field specs (defaults, enums, ranges) come from the schema, so a form accepts what the reader accepts.
 */
import { WEB_SERVER_FIELDS, type Field } from '../../config/index.ts';

/** One attribute of a section or of an element inside it. */
export interface AttributeForm {
  /** Element path below the section ('' for the section element). */
  sub: string;
  attribute: string;
  label: string;
  field: Field;
  hint?: string;
}

/** A collection: its entries (`addName` elements) under `sub`, the attributes a person edits, and whether order matters. */
export interface CollectionForm {
  sub: string;
  addName: string;
  /** Accessible name of the list: "Default documents". */
  label: string;
  /** What one entry is called in labels: "default document". */
  noun: string;
  fields: ReadonlyArray<{ attribute: string; label: string; field: Field }>;
  ordered: boolean;
}

export interface SectionForm {
  /** `system.webServer/security/authentication/anonymousAuthentication`, `system.web/authentication`. */
  section: string;
  /** A heading inside the group when it has several sections. */
  title?: string;
  attributes: readonly AttributeForm[];
  collections: readonly CollectionForm[];
  note?: string;
}

export interface FeatureGroup {
  id: string;
  title: string;
  sections: readonly SectionForm[];
}

const WS = 'system.webServer/';

/** The field spec of an attribute, from the schema (keyed by element path below system.webServer). */
function spec(path: string, attribute: string): Field {
  const specs = WEB_SERVER_FIELDS[path];
  const found = specs === undefined ? undefined : Object.values(specs).find((f) => f.attribute === attribute);
  if (found === undefined) throw new Error(`No field spec for ${path}@${attribute}`);
  return found;
}

function attributes(section: string, sub: string, list: ReadonlyArray<readonly [string, string, string?]>): AttributeForm[] {
  const path = section.slice(WS.length) + (sub === '' ? '' : `/${sub}`);
  return list.map(([attribute, label, hint]) => ({ sub, attribute, label, field: spec(path, attribute), ...(hint === undefined ? {} : { hint }) }));
}

function collection(section: string, sub: string, addName: string, label: string, noun: string, list: ReadonlyArray<readonly [string, string]>, ordered = false): CollectionForm {
  const path = `${section.slice(WS.length)}${sub === '' ? '' : `/${sub}`}/${addName}`;
  return { sub, addName, label, noun, ordered, fields: list.map(([attribute, fieldLabel]) => ({ attribute, label: fieldLabel, field: spec(path, attribute) })) };
}

const section = (name: string, attributeList: AttributeForm[], collections: CollectionForm[] = [], extra: Partial<Pick<SectionForm, 'title' | 'note'>> = {}): SectionForm => ({
  section: name,
  attributes: attributeList,
  collections,
  ...extra,
});

const AUTH = `${WS}security/authentication/`;
const ANONYMOUS = `${AUTH}anonymousAuthentication`;
const BASIC = `${AUTH}basicAuthentication`;
const WINDOWS = `${AUTH}windowsAuthentication`;
const DIGEST = `${AUTH}digestAuthentication`;
const AUTHORIZATION = `${WS}security/authorization`;
const REQUEST_FILTERING = `${WS}security/requestFiltering`;
const IP_SECURITY = `${WS}security/ipSecurity`;
const DEFAULT_DOCUMENT = `${WS}defaultDocument`;
const HTTP_ERRORS = `${WS}httpErrors`;
const CACHING = `${WS}caching`;
const MODULES = `${WS}modules`;
const HANDLERS = `${WS}handlers`;

/** ASP.NET's authentication mode (system.web/authentication), which IIS Manager shows as Forms Authentication. */
export const FORMS_MODE_FIELD: Field = { kind: 'enum', attribute: 'mode', values: ['None', 'Windows', 'Forms', 'Passport', 'Federated'], default: 'Windows' };

export const FEATURE_GROUPS: readonly FeatureGroup[] = [
  {
    id: 'authentication',
    title: 'Authentication',
    sections: [
      section(ANONYMOUS, attributes(ANONYMOUS, '', [['enabled', 'Enabled'], ['userName', 'User name', 'Empty: the application pool identity.']]), [], { title: 'Anonymous Authentication' }),
      section(BASIC, attributes(BASIC, '', [['enabled', 'Enabled'], ['realm', 'Realm'], ['defaultLogonDomain', 'Default logon domain']]), [], { title: 'Basic Authentication' }),
      section(WINDOWS, attributes(WINDOWS, '', [['enabled', 'Enabled'], ['useKernelMode', 'Use kernel mode']]), [], { title: 'Windows Authentication' }),
      section(DIGEST, attributes(DIGEST, '', [['enabled', 'Enabled'], ['realm', 'Realm']]), [], { title: 'Digest Authentication' }),
      section('system.web/authentication', [{ sub: '', attribute: 'mode', label: 'Mode', field: FORMS_MODE_FIELD }], [], {
        title: 'Forms Authentication (system.web)',
        note: 'ASP.NET reads <system.web> from web.config files only, so this is always written to a web.config; set it at a site or application root (allowDefinition="MachineToApplication": ASP.NET refuses it in a subfolder).',
      }),
    ],
  },
  {
    id: 'authorization',
    title: 'Authorization Rules',
    sections: [
      section(AUTHORIZATION, [], [
        collection(AUTHORIZATION, '', 'add', 'Authorization rules', 'rule', [['accessType', 'Mode'], ['users', 'Users'], ['roles', 'Roles'], ['verbs', 'Verbs']]),
      ]),
    ],
  },
  {
    id: 'requestFiltering',
    title: 'Request Filtering',
    sections: [
      section(
        REQUEST_FILTERING,
        [
          ...attributes(REQUEST_FILTERING, '', [['allowDoubleEscaping', 'Allow double escaping'], ['allowHighBitCharacters', 'Allow high-bit characters']]),
          ...attributes(REQUEST_FILTERING, 'fileExtensions', [['allowUnlisted', 'Allow unlisted file name extensions']]),
          ...attributes(REQUEST_FILTERING, 'verbs', [['allowUnlisted', 'Allow unlisted verbs']]),
          ...attributes(REQUEST_FILTERING, 'requestLimits', [
            ['maxAllowedContentLength', 'Maximum allowed content length (bytes)'],
            ['maxUrl', 'Maximum URL length (bytes)'],
            ['maxQueryString', 'Maximum query string (bytes)'],
          ]),
        ],
        [
          collection(REQUEST_FILTERING, 'fileExtensions', 'add', 'File name extensions', 'file name extension', [['fileExtension', 'Extension'], ['allowed', 'Allowed']]),
          collection(REQUEST_FILTERING, 'hiddenSegments', 'add', 'Hidden segments', 'hidden segment', [['segment', 'Segment']]),
          collection(REQUEST_FILTERING, 'verbs', 'add', 'HTTP verbs', 'verb', [['verb', 'Verb'], ['allowed', 'Allowed']]),
          collection(REQUEST_FILTERING, 'denyUrlSequences', 'add', 'Deny URL sequences', 'URL sequence', [['sequence', 'Sequence']]),
        ],
      ),
    ],
  },
  {
    id: 'ipSecurity',
    title: 'IP Address and Domain Restrictions',
    sections: [
      section(
        IP_SECURITY,
        attributes(IP_SECURITY, '', [['allowUnlisted', 'Allow unspecified clients'], ['denyAction', 'Deny action type'], ['enableReverseDns', 'Enable domain name restrictions']]),
        [collection(IP_SECURITY, '', 'add', 'IP address and domain rules', 'rule', [['ipAddress', 'IP address'], ['subnetMask', 'Subnet mask'], ['domainName', 'Domain name'], ['allowed', 'Allowed']])],
      ),
    ],
  },
  {
    id: 'defaultDocument',
    title: 'Default Document',
    sections: [
      section(DEFAULT_DOCUMENT, attributes(DEFAULT_DOCUMENT, '', [['enabled', 'Enabled']]), [
        collection(DEFAULT_DOCUMENT, 'files', 'add', 'Default documents', 'default document', [['value', 'File name']], true),
      ]),
    ],
  },
  {
    id: 'directoryBrowse',
    title: 'Directory Browsing',
    sections: [section(`${WS}directoryBrowse`, attributes(`${WS}directoryBrowse`, '', [['enabled', 'Enabled']]))],
  },
  {
    id: 'httpRedirect',
    title: 'HTTP Redirect',
    sections: [
      section(
        `${WS}httpRedirect`,
        attributes(`${WS}httpRedirect`, '', [
          ['enabled', 'Redirect requests to this destination'],
          ['destination', 'Destination'],
          ['httpResponseStatus', 'Status code', 'Permanent 301, Found 302, Temporary 307, PermRedirect 308.'],
          ['exactDestination', 'Redirect all requests to exact destination (instead of relative to destination)'],
          ['childOnly', 'Only redirect requests to content in this directory (not subdirectories)'],
        ]),
      ),
    ],
  },
  {
    id: 'httpErrors',
    title: 'Error Pages',
    sections: [
      section(HTTP_ERRORS, attributes(HTTP_ERRORS, '', [['errorMode', 'Error responses'], ['existingResponse', 'Existing response']]), [
        collection(HTTP_ERRORS, '', 'error', 'Custom error pages', 'error page', [['statusCode', 'Status code'], ['subStatusCode', 'Substatus code'], ['path', 'Path'], ['responseMode', 'Response mode']]),
      ]),
    ],
  },
  {
    id: 'compression',
    title: 'Compression',
    sections: [section(`${WS}urlCompression`, attributes(`${WS}urlCompression`, '', [['doStaticCompression', 'Enable static content compression'], ['doDynamicCompression', 'Enable dynamic content compression']]))],
  },
  {
    id: 'caching',
    title: 'Output Caching',
    sections: [
      section(CACHING, attributes(CACHING, '', [['enabled', 'Enable cache'], ['enableKernelCache', 'Enable kernel cache']]), [
        collection(CACHING, 'profiles', 'add', 'Output cache rules', 'cache rule', [['extension', 'File name extension'], ['policy', 'User-mode policy'], ['kernelCachePolicy', 'Kernel-mode policy'], ['duration', 'Duration'], ['location', 'Location']]),
      ]),
    ],
  },
  {
    id: 'modules',
    title: 'Modules',
    sections: [
      section(MODULES, attributes(MODULES, '', [['runAllManagedModulesForAllRequests', 'Run all managed modules for all requests']]), [
        collection(MODULES, '', 'add', 'Modules', 'module', [['name', 'Name'], ['type', 'Type (managed module)'], ['preCondition', 'Precondition']], true),
      ]),
    ],
  },
  {
    id: 'handlers',
    title: 'Handler Mappings',
    sections: [
      section(HANDLERS, attributes(HANDLERS, '', [['accessPolicy', 'Access policy']]), [
        collection(
          HANDLERS,
          '',
          'add',
          'Handler mappings',
          'handler mapping',
          [['name', 'Name'], ['path', 'Path'], ['verb', 'Verb'], ['modules', 'Module'], ['scriptProcessor', 'Executable'], ['resourceType', 'Resource type'], ['preCondition', 'Precondition']],
          true,
        ),
      ]),
    ],
  },
];

/** Every section the Settings tab writes, for finding locks in one pass. */
export const ALL_SECTIONS: readonly string[] = FEATURE_GROUPS.flatMap((g) => g.sections.map((s) => s.section));
