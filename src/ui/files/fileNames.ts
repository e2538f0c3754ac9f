/**
 * File and folder names as Windows accepts them (learn.microsoft.com, "Naming Files, Paths, and
 * Namespaces"): none of \ / : * ? " < > | or control characters, no trailing dot or space, not a
 * reserved device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension), at most 255
 * characters; and NTFS as Windows uses it is case-insensitive, so two names that differ only in case
 * are the same name.
 */

const RESERVED_CHARACTERS = /[\\/:*?"<>|]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses.
const CONTROL_CHARACTERS = /[\u0000-\u001f]/;
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
const MAX_NAME_LENGTH = 255;

/** Why Windows would refuse `name` as a file or folder name, or undefined when it is fine. */
export function checkName(name: string): string | undefined {
  if (name.trim() === '') return 'Give a name.';
  if (RESERVED_CHARACTERS.test(name)) return 'A name cannot contain any of \\ / : * ? " < > |.';
  if (CONTROL_CHARACTERS.test(name)) return 'A name cannot contain control characters.';
  if (/[. ]$/.test(name)) return 'Windows does not allow a name that ends with a dot or a space.';
  if (DEVICE_NAMES.test(name)) return `${name.split('.')[0] ?? name} is a reserved device name in Windows.`;
  if (name.length > MAX_NAME_LENGTH) return `A name has at most ${String(MAX_NAME_LENGTH)} characters.`;
  return undefined;
}

/**
 * Why `name` cannot be given to a file or folder among `siblings` (the names already in the folder),
 * or undefined. `current`: the item's own name when renaming it, which it may keep or change in case.
 */
export function checkNewName(name: string, siblings: Iterable<string>, current?: string): string | undefined {
  const problem = checkName(name);
  if (problem !== undefined) return problem;
  const wanted = name.toLowerCase();
  if (current !== undefined && current.toLowerCase() === wanted) return undefined;
  for (const sibling of siblings) {
    if (sibling.toLowerCase() === wanted) return `${sibling} already exists in this folder (Windows ignores case in names).`;
  }
  return undefined;
}
