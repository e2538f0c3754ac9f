/**
 * Element paths: how an edit names the element it changes, in the form diagnostics already use,
 * relative to `<configuration>`: `system.applicationHost/sites/site[@name='Shop']/bindings`,
 * `location[@path='Default Web Site/private']/system.webServer/security/authentication/anonymousAuthentication`,
 * `system.webServer/modules/add[3]`. A key predicate matches an attribute ignoring case, as IIS compares
 * collection keys; a quote inside a value is doubled (`[@name='O''Brien']`); `[n]` picks the n-th
 * element of that name (1-based).
 */
import { appendElement, childElements, createElement, type XmlElement } from '../xml/xmlTree.ts';

export interface PathStep {
  name: string;
  /** Attribute -> value the element must have (ignoring case); created with them when missing. */
  keys: Array<[string, string]>;
  /** 1-based position among the siblings of this name that match `keys`. */
  index?: number;
}

const STEP = /^([A-Za-z_][\w.:-]*)((?:\[[^\]]*\])*)$/;

/** Splits on `/` outside predicates. */
function splitSteps(path: string): string[] {
  const steps: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "'") quote = !quote;
    else if (!quote && c === '[') depth++;
    else if (!quote && c === ']') depth--;
    else if (!quote && depth === 0 && c === '/') {
      steps.push(path.slice(start, i));
      start = i + 1;
    }
  }
  steps.push(path.slice(start));
  return steps.filter((s) => s !== '');
}

/** Reads a path; a string is the problem with it. */
export function parseElementPath(path: string): PathStep[] | string {
  const steps: PathStep[] = [];
  for (const text of splitSteps(path)) {
    const match = STEP.exec(text.replace(/\[@([\w.:-]+)='((?:[^']|'')*)'\]/g, (_whole, name: string, value: string) => `[@${name}=${encodeURIComponent(value.replace(/''/g, "'"))}]`));
    if (match === null) return `"${text}" is not a step of an element path.`;
    const step: PathStep = { name: match[1] ?? '', keys: [] };
    for (const predicate of (match[2] ?? '').match(/\[[^\]]*\]/g) ?? []) {
      const inner = predicate.slice(1, -1);
      const keyed = /^@([\w.:-]+)=(.*)$/.exec(inner);
      if (keyed !== null) step.keys.push([keyed[1] ?? '', decodeURIComponent(keyed[2] ?? '')]);
      else if (/^\d+$/.test(inner) && Number(inner) > 0) step.index = Number(inner);
      else return `"${predicate}" is not a predicate of an element path.`;
    }
    steps.push(step);
  }
  return steps;
}

/** Quotes a value for a key predicate. */
export function quotePathValue(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `name[@key='value']...`, the step that names one keyed element. */
export function keyedStep(name: string, keys: Readonly<Record<string, string>>): string {
  return name + Object.entries(keys).map(([k, v]) => `[@${k}=${quotePathValue(v)}]`).join('');
}

function matches(element: XmlElement, step: PathStep): boolean {
  if (element.name !== step.name) return false;
  for (const [name, value] of step.keys) {
    const attribute = element.attributes.find((a) => a.name === name);
    if (attribute?.value.toLowerCase() !== value.toLowerCase()) return false;
  }
  return true;
}

function findChild(parent: XmlElement, step: PathStep): XmlElement | undefined {
  let position = 0;
  for (const child of childElements(parent)) {
    if (!matches(child, step)) continue;
    position++;
    if (step.index === undefined || step.index === position) return child;
  }
  return undefined;
}

/** The element at `steps` below `root`, or undefined. */
export function findElement(root: XmlElement, steps: readonly PathStep[]): XmlElement | undefined {
  let current: XmlElement | undefined = root;
  for (const step of steps) {
    if (current === undefined) return undefined;
    current = findChild(current, step);
  }
  return current;
}

/**
 * The element at `steps`, creating what is missing (with its key attributes). A step with an index
 * that does not exist is not created: undefined.
 */
export function ensureElement(root: XmlElement, steps: readonly PathStep[]): XmlElement | undefined {
  let current = root;
  for (const step of steps) {
    let next = findChild(current, step);
    if (next === undefined) {
      if (step.index !== undefined && step.index > 1) return undefined;
      next = createElement(step.name, Object.fromEntries(step.keys));
      appendElement(current, next);
    }
    current = next;
  }
  return current;
}
