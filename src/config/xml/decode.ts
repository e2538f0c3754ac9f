/**
 * Decodes configuration file bytes: UTF-8 (with or without BOM) and UTF-16 LE/BE (with BOM, or detected
 * from the `<` of the first character). Pure code, so it runs without TextDecoder.
 *
 * Bytes that are not valid in the encoding (a Latin-1 "é" in a UTF-8 file, a truncated sequence, an
 * overlong form, an encoded surrogate, a UTF-16 file of odd length) decode as INVALID_BYTES, a character
 * XML 1.0 does not allow: the reader then reports it at its line and column, whoever decoded the file.
 */

/** What bytes invalid in the file's encoding decode to: U+FFFF, not a character in XML (readXml refuses it where it is). */
export const INVALID_BYTES = 0xffff;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const chunks: string[] = [];
  const codes: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    codes.push(littleEndian ? a | (b << 8) : (a << 8) | b);
    if (codes.length === 8192) {
      chunks.push(String.fromCharCode(...codes));
      codes.length = 0;
    }
  }
  // An odd length: the last byte is half a character.
  if ((bytes.length - start) % 2 === 1) codes.push(INVALID_BYTES);
  chunks.push(String.fromCharCode(...codes));
  return chunks.join('');
}

function decodeUtf8(bytes: Uint8Array, start: number): string {
  const chunks: string[] = [];
  const codes: number[] = [];
  let i = start;
  const flush = (): void => {
    chunks.push(String.fromCharCode(...codes));
    codes.length = 0;
  };
  const continuation = (at: number): boolean => at < bytes.length && ((bytes[at] ?? 0) & 0xc0) === 0x80;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let code = INVALID_BYTES;
    let size = 1;
    const b1 = bytes[i + 1] ?? 0;
    // Well-formed sequences only (Unicode Table 3-7): no overlong form, no surrogate, nothing past U+10FFFF.
    if (b0 < 0x80) code = b0;
    else if (b0 >= 0xc2 && b0 < 0xe0 && continuation(i + 1)) {
      code = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      size = 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && continuation(i + 1) && continuation(i + 2) && !(b0 === 0xe0 && b1 < 0xa0) && !(b0 === 0xed && b1 >= 0xa0)) {
      code = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      size = 3;
    } else if (b0 >= 0xf0 && b0 < 0xf5 && continuation(i + 1) && continuation(i + 2) && continuation(i + 3) && !(b0 === 0xf0 && b1 < 0x90) && !(b0 === 0xf4 && b1 >= 0x90)) {
      code = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | (((bytes[i + 2] ?? 0) & 0x3f) << 6) | ((bytes[i + 3] ?? 0) & 0x3f);
      size = 4;
    }
    if (code > 0xffff) {
      code -= 0x10000;
      codes.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
    } else codes.push(code);
    i += size;
    if (codes.length >= 8192) flush();
  }
  flush();
  return chunks.join('');
}

/** Decodes bytes to text, detecting the encoding from the BOM or the first character. */
export function decodeConfigBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be' };
  if (b0 === 0x3c && b1 === 0x00) return { text: decodeUtf16(bytes, 0, true), encoding: 'utf-16le' };
  if (b0 === 0x00 && b1 === 0x3c) return { text: decodeUtf16(bytes, 0, false), encoding: 'utf-16be' };
  const start = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  return { text: decodeUtf8(bytes, start), encoding: 'utf-8' };
}
