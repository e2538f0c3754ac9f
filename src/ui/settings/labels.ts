/** The words of the Settings tab: a typed folder read as a URL path, and the undo labels of its edits. */
import { formatField, type Field } from '../../config/index.ts';

/** A site-relative URL path a person typed, normalized (`private/` -> `/private`), or the problem with it. */
export function normalizeFolder(text: string): { ok: true; path: string } | { ok: false; problem: string } {
  const trimmed = text.trim();
  if (/[?#\\]/.test(trimmed)) return { ok: false, problem: 'A folder is a URL path: no ?, # or \\.' };
  const segments = trimmed.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, problem: 'A folder cannot contain . or .. segments.' };
  return { ok: true, path: '/' + segments.join('/') };
}

/** `anonymousAuthentication` for a section's own attribute, `requestLimits` for an element inside it. */
export function leafName(section: string, sub: string): string {
  return (sub === '' ? section : sub).split('/').at(-1) ?? section;
}

/** "Turn anonymousAuthentication off at Default Web Site/private", "Set requestLimits maxUrl to "10" at server". */
export function valueLabel(section: string, sub: string, attribute: string, field: Field, value: Field['default'], levelName: string): string {
  const leaf = leafName(section, sub);
  if (field.kind === 'bool') {
    const what = attribute === 'enabled' ? leaf : `${leaf} ${attribute}`;
    return `Turn ${what} ${value === true ? 'on' : 'off'} at ${levelName}`;
  }
  return `Set ${leaf} ${attribute} to "${formatField(field, value)}" at ${levelName}`;
}
