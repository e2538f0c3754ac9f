/**
 * The requests file of `simulate` (JSON lines), read as a stream: a line at a time from 1 MB chunks, so
 * a file of millions of requests never sits in memory whole. Each line is checked as it is read; a bad
 * line is reported with its number.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_VIRTUAL_TIME, type SimulationRequest } from '../engine/index.ts';

/** A longer line is refused rather than gathered without end (a file of no newlines, /dev/zero). */
export const MAX_REQUEST_LINE = 32 * 1024 * 1024;

const CHUNK = 1024 * 1024;

export interface RequestLine {
  /** 1-based, as an editor counts. */
  number: number;
  text: string;
}

/** The encoding of the file from its first bytes: a BOM, or UTF-16 without one ("{" then a zero byte). */
function decoderFor(bytes: Uint8Array): { decoder: TextDecoder; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { decoder: new TextDecoder('utf-8'), skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 };
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return { decoder: new TextDecoder('utf-16le'), skip: 0 };
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return { decoder: new TextDecoder('utf-16be'), skip: 0 };
  return { decoder: new TextDecoder('utf-8'), skip: 0 };
}

/**
 * The lines of `file`, read as they are needed. Throws an Error with a message for the user when the
 * file cannot be read or a line is longer than MAX_REQUEST_LINE.
 */
export function* readRequestLines(file: string): Generator<RequestLine> {
  const cannotRead = (error: unknown): Error => new Error(`cannot read the file (${error instanceof Error ? error.message : String(error)})`);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw cannotRead(error);
  }
  try {
    const buffer = new Uint8Array(CHUNK);
    let decoder: TextDecoder | undefined;
    let rest = '';
    let number = 0;
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        throw cannotRead(error);
      }
      let text: string;
      if (read === 0) text = decoder === undefined ? '' : decoder.decode();
      else {
        let bytes = buffer.subarray(0, read);
        if (decoder === undefined) {
          const chosen = decoderFor(bytes);
          decoder = chosen.decoder;
          bytes = bytes.subarray(chosen.skip);
        }
        text = decoder.decode(bytes, { stream: true });
      }
      let start = 0;
      const chunk = rest + text;
      // `rest` holds no newline: start looking after it, so a long line is scanned once, not once a chunk.
      for (let end = chunk.indexOf('\n', rest.length); end >= 0; end = chunk.indexOf('\n', start)) {
        number++;
        yield { number, text: chunk.slice(start, end) };
        start = end + 1;
      }
      rest = chunk.slice(start);
      if (rest.length > MAX_REQUEST_LINE) throw new Error(`line ${String(number + 1)} is longer than ${String(MAX_REQUEST_LINE / 1048576)} MB`);
      if (read === 0) {
        if (rest !== '') yield { number: number + 1, text: rest };
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** One line of a requests file: the request, undefined for a blank line, or a message naming the problem. */
export function parseRequestLine(text: string, number: number): SimulationRequest | undefined | string {
  const line = text.trim();
  if (line === '') return undefined;
  const at = `line ${String(number)}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return `${at}: not JSON`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return `${at}: expected an object`;
  const record = parsed as Record<string, unknown>;
  const { method, url, headers, clientIp, user } = record;
  if (typeof method !== 'string' || typeof url !== 'string') return `${at}: "method" and "url" must be strings`;
  const request: SimulationRequest = { method: method.toUpperCase(), url };
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string')) return `${at}: "headers" must map names to strings`;
    request.headers = headers as Record<string, string>;
  }
  if (clientIp !== undefined) {
    if (typeof clientIp !== 'string') return `${at}: "clientIp" must be a string`;
    request.clientIp = clientIp;
  }
  if (user !== undefined) {
    if (typeof user !== 'string') return `${at}: "user" must be NAME:PASSWORD`;
    request.user = user;
  }
  if (record.at !== undefined) {
    const time = record.at;
    // Virtual time is bounded (MAX_VIRTUAL_TIME, simulation.ts): 1e15 ms would make WAS's timers run
    // for ever before the request is even sent.
    if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || time > MAX_VIRTUAL_TIME) return `${at}: "at" must be a time in ms from 0 to ${String(MAX_VIRTUAL_TIME)} (30 days)`;
    request.at = time;
  }
  return request;
}

/** Reads a whole requests file given as text; returns the requests or a message naming the bad line. */
export function parseRequestsFile(text: string): SimulationRequest[] | string {
  const requests: SimulationRequest[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const request = parseRequestLine(lines[i] ?? '', i + 1);
    if (typeof request === 'string') return request;
    if (request !== undefined) requests.push(request);
  }
  return requests;
}
