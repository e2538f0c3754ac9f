/**
 * Decodes configuration file bytes: UTF-8 (with or without BOM) and UTF-16 LE/BE (with BOM, or detected
 * from the `<` of the first character). Pure code, so it runs without TextDecoder.
 */

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
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let code = 0xfffd;
    let size = 1;
    if (b0 < 0x80) code = b0;
    else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < bytes.length) {
      code = ((b0 & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f);
      size = 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < bytes.length) {
      code = ((b0 & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      size = 3;
    } else if (b0 >= 0xf0 && b0 < 0xf5 && i + 3 < bytes.length) {
      code = ((b0 & 0x07) << 18) | (((bytes[i + 1] ?? 0) & 0x3f) << 12) | (((bytes[i + 2] ?? 0) & 0x3f) << 6) | ((bytes[i + 3] ?? 0) & 0x3f);
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
