/**
 * Typed attributes, described once and used both ways: reading an element into a typed object (with
 * the inherited defaults and schema validation) and writing a typed object back into the element
 * (touching only the attributes whose value changed, so that unknown attributes and order survive).
 * Value syntax follows the IIS schema types (IIS_schema.xml): bool, uint, int, enum, flags, timeSpan, string.
 */
import { DiagnosticCode, type DiagnosticSink } from '../diagnostics.ts';
import { findAttribute, setAttribute, type XmlElement } from '../xml/xmlTree.ts';

interface FieldBase<T> {
  readonly attribute: string;
  readonly default: T;
}

export interface StringField extends FieldBase<string> {
  readonly kind: 'string';
}
export interface BoolField extends FieldBase<boolean> {
  readonly kind: 'bool';
}
export interface NumberField extends FieldBase<number> {
  readonly kind: 'uint' | 'int';
  readonly min: number;
  readonly max: number;
}
export interface EnumField<T extends string> extends FieldBase<T> {
  readonly kind: 'enum';
  readonly values: readonly T[];
}
export interface FlagsField extends FieldBase<readonly string[]> {
  readonly kind: 'flags';
  readonly values: readonly string[];
}
/** A timeSpan, held in milliseconds. */
export interface TimeSpanField extends FieldBase<number> {
  readonly kind: 'timeSpan';
  readonly min: number;
  readonly max: number;
}

export type Field = StringField | BoolField | NumberField | EnumField<string> | FlagsField | TimeSpanField;
export type FieldSpecs = Readonly<Record<string, Field>>;
/**
 * The typed values of a set of fields. Read-only: the model is immutable and shares the objects of
 * unset settings with what they inherit from (an edit makes a new object), which keeps parsing a
 * 5,000-site file within budget and makes undo cheap.
 */
export type FieldValues<S extends FieldSpecs> = { readonly [K in keyof S]: S[K]['default'] };

export const str = (attribute: string, fallback = ''): StringField => ({ kind: 'string', attribute, default: fallback });
export const bool = (attribute: string, fallback: boolean): BoolField => ({ kind: 'bool', attribute, default: fallback });
export const uint = (attribute: string, fallback: number, min = 0, max = 4294967295): NumberField => ({
  kind: 'uint',
  attribute,
  default: fallback,
  min,
  max,
});
export const int = (attribute: string, fallback: number, min = -2147483648, max = 2147483647): NumberField => ({
  kind: 'int',
  attribute,
  default: fallback,
  min,
  max,
});
export const enumOf = <const T extends string>(attribute: string, values: readonly T[], fallback: T): EnumField<T> => ({
  kind: 'enum',
  attribute,
  values,
  default: fallback,
});
export const flags = (attribute: string, values: readonly string[], fallback: readonly string[]): FlagsField => ({
  kind: 'flags',
  attribute,
  values,
  default: fallback,
});
export const timeSpan = (attribute: string, fallback: string, min = 0, max = Number.MAX_SAFE_INTEGER): TimeSpanField => ({
  kind: 'timeSpan',
  attribute,
  default: parseTimeSpan(fallback) ?? 0,
  min,
  max,
});

const TIME_SPAN = /^(-)?(?:(\d+)\.)?(\d+):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/;

/** Parses an IIS timeSpan (`[-][d.]hh:mm:ss[.fffffff]`, e.g. `00:20:00`, `1.05:00:00`) to milliseconds. */
export function parseTimeSpan(text: string): number | undefined {
  const match = TIME_SPAN.exec(text.trim());
  if (match === null) return undefined;
  const [, sign, days, hours, minutes, seconds, fraction] = match;
  const m = Number(minutes);
  const s = Number(seconds);
  if (m > 59 || s > 59) return undefined;
  const ms =
    ((Number(days ?? 0) * 24 + Number(hours)) * 3600 + m * 60 + s) * 1000 +
    Math.round(Number(`0.${fraction ?? '0'}`) * 1000);
  return sign === '-' ? -ms : ms;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats milliseconds as IIS writes a timeSpan: `hh:mm:ss`, with `d.` when a day or more. */
export function formatTimeSpan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  rest = (rest - minutes) / 60;
  const hours = rest % 24;
  const days = (rest - hours) / 24;
  const fraction = millis === 0 ? '' : '.' + String(millis).padStart(3, '0');
  return `${sign}${days > 0 ? `${String(days)}.` : ''}${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

/** Reads an attribute's text as its field's type says (a form checks what is typed with it). */
export function parseField(field: Field, text: string): Parsed<Field['default']> {
  switch (field.kind) {
    case 'string':
      return { ok: true, value: text };
    case 'bool': {
      const lower = text.trim().toLowerCase();
      if (lower === 'true') return { ok: true, value: true };
      if (lower === 'false') return { ok: true, value: false };
      return { ok: false, expected: 'true or false' };
    }
    case 'uint':
    case 'int': {
      const trimmed = text.trim();
      const value = Number(trimmed);
      // Decimal digits only: Number() would also take "0x10", "1e3" or "0b1", which IIS's schema does not.
      if (!(field.kind === 'uint' ? /^\d+$/ : /^-?\d+$/).test(trimmed) || !Number.isInteger(value)) {
        return { ok: false, expected: `a whole number from ${String(field.min)} to ${String(field.max)}` };
      }
      if (value < field.min || value > field.max) {
        return { ok: false, expected: `a whole number from ${String(field.min)} to ${String(field.max)}` };
      }
      return { ok: true, value };
    }
    case 'enum': {
      const lower = text.trim().toLowerCase();
      const value = field.values.find((v) => v.toLowerCase() === lower);
      if (value === undefined) return { ok: false, expected: `one of ${field.values.join(', ')}` };
      return { ok: true, value };
    }
    case 'flags': {
      const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
      const values: string[] = [];
      for (const part of parts) {
        const value = field.values.find((v) => v.toLowerCase() === part.toLowerCase());
        if (value === undefined) return { ok: false, expected: `a comma-separated list of ${field.values.join(', ')}` };
        if (value !== 'None' && !values.includes(value)) values.push(value);
      }
      return { ok: true, value: values };
    }
    case 'timeSpan': {
      const value = parseTimeSpan(text);
      if (value === undefined) return { ok: false, expected: 'a time span such as 00:20:00 ([d.]hh:mm:ss)' };
      if (value < field.min || value > field.max) {
        return { ok: false, expected: `a time span from ${formatTimeSpan(field.min)} to ${formatTimeSpan(field.max)}` };
      }
      return { ok: true, value };
    }
  }
}

export function formatField(field: Field, value: Field['default']): string {
  switch (field.kind) {
    case 'timeSpan':
      return formatTimeSpan(value as number);
    case 'flags': {
      const list = value as readonly string[];
      return list.length === 0 ? (field.values.includes('None') ? 'None' : '') : list.join(', ');
    }
    case 'bool':
      return value ? 'true' : 'false';
    case 'uint':
    case 'int':
    case 'string':
    case 'enum':
      return String(value);
  }
}

function sameValue(a: Field['default'], b: Field['default']): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

interface CompiledSpecs {
  /** attribute name -> [property, field] */
  byAttribute: Map<string, readonly [string, Field]>;
  defaults: Record<string, Field['default']>;
}

const compiledSpecs = new WeakMap<FieldSpecs, CompiledSpecs>();

/** Per spec, once: the attribute look-up table and the defaults object (hot path of parsing). */
function compile(specs: FieldSpecs): CompiledSpecs {
  let compiled = compiledSpecs.get(specs);
  if (compiled === undefined) {
    const byAttribute = new Map<string, readonly [string, Field]>();
    const defaults: Record<string, Field['default']> = {};
    for (const [key, field] of Object.entries(specs)) {
      byAttribute.set(field.attribute, [key, field]);
      defaults[key] = field.default;
    }
    compiled = { byAttribute, defaults: Object.freeze(defaults) };
    compiledSpecs.set(specs, compiled);
  }
  return compiled;
}

/**
 * Reads an element's attributes into typed values. Absent attributes take `inherited` (e.g. the
 * applicationPoolDefaults) or the schema default; invalid ones are reported and take it too.
 */
export function readFields<S extends FieldSpecs>(
  specs: S,
  element: XmlElement | undefined,
  sink: DiagnosticSink | undefined,
  inherited?: FieldValues<S>,
): FieldValues<S> {
  const { byAttribute, defaults } = compile(specs);
  const fallback: Record<string, Field['default']> = inherited ?? defaults;
  // No element: share what it inherits (the model is immutable).
  if (element === undefined) return fallback as FieldValues<S>;
  const out: Record<string, Field['default']> = { ...fallback };
  for (const attribute of element.attributes) {
    const entry = byAttribute.get(attribute.name);
    if (entry === undefined) continue;
    const [key, field] = entry;
    const parsed = parseField(field, attribute.value);
    if (parsed.ok) out[key] = parsed.value;
    else {
      sink?.element(
        DiagnosticCode.invalidValue,
        'error',
        `${field.attribute}="${attribute.value}" is not valid on <${element.name}>: expected ${parsed.expected}.`,
        element,
        field.attribute,
      );
    }
  }
  return out as FieldValues<S>;
}

/** Like readFields, but always a new object, for callers that add properties to it. */
export function readOwnFields<S extends FieldSpecs>(
  specs: S,
  element: XmlElement | undefined,
  sink: DiagnosticSink | undefined,
  inherited?: FieldValues<S>,
): FieldValues<S> {
  const values = readFields(specs, element, sink, inherited);
  return element === undefined ? { ...values } : values;
}

/**
 * Writes typed values into an element, changing only attributes whose value differs from what the
 * element says now (itself or by inheritance), so an unchanged model leaves the element untouched.
 */
export function writeFields<S extends FieldSpecs>(
  specs: S,
  element: XmlElement,
  values: FieldValues<S>,
  inherited?: FieldValues<S>,
): void {
  const { byAttribute, defaults } = compile(specs);
  const fallback: Record<string, Field['default']> = inherited ?? defaults;
  const wanted: Record<string, Field['default']> = values;
  for (const [attributeName, [key, field]] of byAttribute) {
    const value = wanted[key];
    if (value === undefined) continue;
    const attribute = findAttribute(element, attributeName);
    if (attribute === undefined) {
      const current = fallback[key];
      if (current === undefined || !sameValue(value, current)) setAttribute(element, attributeName, formatField(field, value));
      continue;
    }
    // Fast path: the text already written is what we would write.
    if (attribute.value === formatField(field, value)) continue;
    const parsed = parseField(field, attribute.value);
    if (!parsed.ok) {
      // A value outside the schema was read as the inherited or default one (and reported): unless the
      // model now says otherwise, it is written back as it was written, never silently replaced.
      const current = fallback[key];
      if (current !== undefined && sameValue(value, current)) continue;
      setAttribute(element, attributeName, formatField(field, value));
    } else if (!sameValue(value, parsed.value)) setAttribute(element, attributeName, formatField(field, value));
  }
}

/** True when some value differs from what an absent element would give (inherited or default). */
export function differsFromInherited<S extends FieldSpecs>(specs: S, values: FieldValues<S>, inherited?: FieldValues<S>): boolean {
  const { byAttribute, defaults } = compile(specs);
  const fallback: Record<string, Field['default']> = inherited ?? defaults;
  const wanted: Record<string, Field['default']> = values;
  for (const [key] of byAttribute.values()) {
    const value = wanted[key];
    const current = fallback[key];
    if (value !== undefined && (current === undefined || !sameValue(value, current))) return true;
  }
  return false;
}
