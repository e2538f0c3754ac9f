#!/usr/bin/env node
// Checks which way imports point between the layers of src/ (aesthetics-anchors.md 9.2):
//   ui -> store -> engine -> config; cli -> engine, config; app -> anything.
// Also: config and engine never import react, react-dom, zustand or @xyflow/*.
// Reads static imports, `import type`, side-effect imports, `export ... from`, dynamic
// `import('...')` and `import x = require('...')`, in every .ts/.tsx file (tests included).
// Dependency-free. Exit 1 with one line per violation; else `layers: N files checked, 0 violations`.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Which layers each layer may import (besides itself). */
const ALLOWED = {
  config: [],
  engine: ['config'],
  store: ['engine', 'config'],
  ui: ['store', 'engine', 'config'],
  cli: ['engine', 'config'],
  app: ['config', 'engine', 'store', 'ui', 'cli'],
};
const PURE_LAYERS = new Set(['config', 'engine']);
const UI_PACKAGES = new Set(['react', 'react-dom', 'zustand']);

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (/\.tsx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * Blank out comments and the contents of strings and templates (same length, newlines kept),
 * so that the import regexes below only see code. Template `${...}` expressions stay code.
 * @param {string} text
 */
function maskNonCode(text) {
  const out = text.split('');
  const blank = (i) => {
    if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  /** Stack of open template literals: the brace depth at which each `${` was opened. */
  const templates = [];
  let braceDepth = 0;
  let lastSignificant = ''; // last non-space code character, to tell `/` regex from division
  let i = 0;
  const n = text.length;

  const skipQuoted = (quote) => {
    // i is at the opening quote; blank the contents, keep both quotes.
    i++;
    while (i < n && text[i] !== quote && text[i] !== '\n') {
      if (text[i] === '\\') {
        blank(i);
        i++;
      }
      blank(i);
      i++;
    }
    i++; // closing quote (or newline on an unterminated string)
  };

  const skipTemplateChunk = () => {
    // i is just after '`' or after the '}' closing a `${`; blank until '`' or '${'.
    while (i < n) {
      if (text[i] === '\\') {
        blank(i);
        blank(i + 1);
        i += 2;
      } else if (text[i] === '`') {
        i++;
        lastSignificant = '`';
        return;
      } else if (text[i] === '$' && text[i + 1] === '{') {
        templates.push(braceDepth);
        braceDepth++;
        i += 2;
        lastSignificant = '{';
        return;
      } else {
        blank(i);
        i++;
      }
    }
  };

  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') blank(i++);
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      while (i < stop) blank(i++);
    } else if (c === '"' || c === "'") {
      skipQuoted(c);
      lastSignificant = c;
    } else if (c === '`') {
      i++;
      skipTemplateChunk();
    } else if (c === '/' && !/[\w$)\]}'"`]/.test(lastSignificant)) {
      // A regular expression literal: blank its body.
      i++;
      let inClass = false;
      while (i < n && text[i] !== '\n') {
        if (text[i] === '\\') {
          blank(i);
          i++;
        } else if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        else if (text[i] === '/' && !inClass) break;
        blank(i);
        i++;
      }
      i++;
      lastSignificant = ')';
    } else {
      if (c === '{') braceDepth++;
      else if (c === '}') {
        braceDepth--;
        if (templates.length > 0 && templates[templates.length - 1] === braceDepth) {
          templates.pop();
          i++;
          skipTemplateChunk();
          continue;
        }
      }
      if (!/\s/.test(c)) lastSignificant = c;
      i++;
    }
  }
  return out.join('');
}

// Run on the masked text (strings blanked), with the `d` flag so group 2 gives the specifier's
// position, which is then read from the original text.
const IMPORT_PATTERNS = [
  // import x from '...', import type { X } from '...', export { x } from '...', export * from '...'
  /\b(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"]*)\1/dg,
  // import '...'
  /\bimport\s*(['"])([^'"]*)\1/dg,
  // import('...'), also in type positions: import('...').Foo
  /\bimport\s*\(\s*(['"`])([^'"`]*)\1/dg,
  // import x = require('...')
  /\brequire\s*\(\s*(['"])([^'"]*)\1\s*\)/dg,
];

/**
 * @param {string} text
 * @returns {{ specifier: string, line: number }[]}
 */
export function findSpecifiers(text) {
  const masked = maskNonCode(text);
  /** @type {Map<number, { specifier: string, line: number }>} */
  const found = new Map();
  for (const re of IMPORT_PATTERNS) {
    for (const m of masked.matchAll(re)) {
      const [start, end] = m.indices[2];
      if (!found.has(start)) {
        const line = masked.slice(0, start).split('\n').length;
        found.set(start, { specifier: text.slice(start, end).trim(), line });
      }
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/**
 * The layer folder a path is in or is (`src/engine` itself counts, for `import '../engine'`).
 * Files directly under src/ and paths outside src/ have no layer.
 * @param {string} path absolute path
 * @returns {string | undefined}
 */
function layerOf(path) {
  const rel = relative(SRC, path);
  if (rel === '' || rel.startsWith('..') || resolve(SRC, rel) !== path) return undefined;
  const first = rel.split(sep)[0];
  return first !== undefined && Object.hasOwn(ALLOWED, first) ? first : undefined;
}

/** @param {string} specifier */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * @param {string} file absolute path
 * @param {string} text
 * @returns {string[]} violation lines
 */
export function checkFile(file, text) {
  const from = layerOf(file);
  if (from === undefined) return [];
  const shown = relative(ROOT, file).split(sep).join('/');
  const problems = [];
  for (const { specifier, line } of findSpecifiers(text)) {
    let target;
    if (specifier.startsWith('.')) target = resolve(dirname(file), specifier);
    else if (specifier.startsWith('/')) target = join(ROOT, specifier);
    if (target !== undefined) {
      const to = layerOf(target);
      if (to !== undefined && to !== from && !ALLOWED[from].includes(to)) {
        problems.push(`${shown}:${line} imports ${specifier}: layer ${from} may not import layer ${to}`);
      }
      continue;
    }
    if (PURE_LAYERS.has(from)) {
      const name = packageName(specifier);
      if (UI_PACKAGES.has(name) || name.startsWith('@xyflow/')) {
        problems.push(`${shown}:${line} imports ${specifier}: layer ${from} may not import package ${name}`);
      }
    }
  }
  return problems;
}

function main() {
  const files = walk(SRC);
  const problems = [];
  for (const file of files) problems.push(...checkFile(file, readFileSync(file, 'utf8')));
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`layers: ${files.length} files checked, ${problems.length} violation${problems.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  console.log(`layers: ${files.length} files checked, 0 violations`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
