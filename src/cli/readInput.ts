/**
 * Reading an input file (a configuration, a workspace, content or users) with its limits checked
 * before a byte is read: a directory, a device (/dev/zero), a pipe or a socket is refused at once, and
 * so is a file over the size limit (a 600 MB sparse file), in bounded memory and time.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeConfigBytes, type TextEncodingName } from '../config/index.ts';

/** The app's import limit (workspaceBundle.ts), and the reader's (MAX_CONFIG_CHARS): 20 MB. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export type InputRead = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** The file's bytes, or a one-line reason it is not read (without the file name). */
export function readInputBytes(file: string, limit = MAX_INPUT_BYTES): InputRead {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    return { ok: false, message: `cannot read the file (${error instanceof Error ? error.message : String(error)})` };
  }
  if (stats.isDirectory()) return { ok: false, message: 'it is a folder, not a file' };
  if (!stats.isFile()) return { ok: false, message: 'it is not a regular file (a device, a pipe or a socket), so it is not read' };
  if (stats.size > limit) return { ok: false, message: `it is ${String(Math.round(stats.size / 1048576))} MB; input files over ${String(limit / 1048576)} MB are refused` };
  try {
    const bytes = new Uint8Array(readFileSync(file));
    // A file that grew between the check and the read.
    if (bytes.length > limit) return { ok: false, message: `it is over ${String(limit / 1048576)} MB; input files over that are refused` };
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, message: `cannot read the file (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The file as text (UTF-8, or UTF-16 with its byte order mark), its encoding and whether it starts with a UTF-8 BOM. */
export function readInputText(file: string): { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; message: string } {
  const read = readInputBytes(file);
  if (!read.ok) return read;
  const { bytes } = read;
  const { text, encoding } = decodeConfigBytes(bytes);
  return { ok: true, text, encoding, bom: encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}
