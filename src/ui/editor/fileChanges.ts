/**
 * The Changes view's data: how the workspace differs from the one loaded (or imported), file by file
 * (applicationHost.config, web.config files and other content), line by line, with line numbers in both.
 * The lines both versions share at the start and at the end are set aside before the diff library sees
 * the rest, so one edited line in the 5,000-site file costs a split and a scan, not a diff of 80,000
 * lines. Pure; loaded with the Changes view, not with the page.
 */
import { diffArrays } from 'diff';
import { APPLICATION_HOST, describeFile, normalizePhysicalPath, normalizeRelativePath, type ContentFile, type FileRef, type Workspace } from '../../config/index.ts';

/** Lines of context around each change, as `diff -u` shows. */
export const CONTEXT_LINES = 3;
/** Past this many added and removed lines in one file, the diff gives up (its cost grows with their square). */
export const MAX_EDIT_LENGTH = 2_000;
/** Nor does a diff take more of the main thread than this, in ms. */
export const DIFF_TIMEOUT_MS = 150;

export type DiffLineKind = 'context' | 'added' | 'removed';

export interface DiffLine {
  kind: DiffLineKind;
  /** 1-based line numbers in the loaded and the current file; absent on the side that has no such line. */
  oldLine?: number;
  newLine?: number;
  text: string;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface TextDiff {
  added: number;
  removed: number;
  /** Undefined when there were too many changes to list line by line. */
  hunks: DiffHunk[] | undefined;
  oldLineCount: number;
  newLineCount: number;
}

export type FileChangeKind = 'changed' | 'added' | 'removed';

export interface FileChange {
  key: string;
  label: string;
  kind: FileChangeKind;
  /** The file in the current workspace (absent for a removed file). */
  file: FileRef | undefined;
  /** True for applicationHost.config and web.config files: the XML editor opens them. */
  isConfiguration: boolean;
  diff: TextDiff;
  /** The file's NTFS attributes (hidden, readers) before and after, when they changed. */
  attributes?: { before: string; after: string };
}

export interface WorkspaceChanges {
  files: FileChange[];
  /** The server's simulated users changed. */
  usersChanged: boolean;
}

/** Splits a text into its lines; a final line break does not start another line. A CR before LF stays out of the text shown. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Groups a run of lines into hunks, each change with up to CONTEXT_LINES of context around it (as `diff -u`). */
function toHunks(lines: readonly DiffLine[]): DiffHunk[] {
  const shown = new Uint8Array(lines.length);
  lines.forEach((line, i) => {
    if (line.kind === 'context') return;
    for (let j = Math.max(0, i - CONTEXT_LINES); j <= Math.min(lines.length - 1, i + CONTEXT_LINES); j++) shown[j] = 1;
  });
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] | undefined;
  lines.forEach((line, i) => {
    if (shown[i] === 0) {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = [];
      hunks.push({ oldStart: 0, oldLines: 0, newStart: 0, newLines: 0, lines: current });
    }
    current.push(line);
  });
  for (const hunk of hunks) {
    hunk.oldLines = hunk.lines.filter((l) => l.kind !== 'added').length;
    hunk.newLines = hunk.lines.filter((l) => l.kind !== 'removed').length;
    // As `diff -u`: a side with no lines in the hunk starts at the line before it.
    const firstOld = hunk.lines.find((l) => l.oldLine !== undefined)?.oldLine;
    const firstNew = hunk.lines.find((l) => l.newLine !== undefined)?.newLine;
    hunk.oldStart = firstOld ?? (hunk.lines[0]?.newLine ?? 1) - 1;
    hunk.newStart = firstNew ?? (hunk.lines[0]?.oldLine ?? 1) - 1;
  }
  return hunks;
}

/** The line-by-line difference of two texts. */
export function diffText(before: string, after: string): TextDiff {
  const a = linesOf(before);
  const b = linesOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const base = { oldLineCount: a.length, newLineCount: b.length };
  if (start === a.length && start === b.length) return { ...base, added: 0, removed: 0, hunks: [] };
  const parts = diffArrays(a.slice(start, a.length - end), b.slice(start, b.length - end), { maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS });
  if (parts === undefined) return { ...base, added: Math.max(0, b.length - a.length), removed: Math.max(0, a.length - b.length), hunks: undefined };
  const lines: DiffLine[] = [];
  for (let i = Math.max(0, start - CONTEXT_LINES); i < start; i++) lines.push({ kind: 'context', oldLine: i + 1, newLine: i + 1, text: a[i] ?? '' });
  let oldLine = start + 1;
  let newLine = start + 1;
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    for (const text of part.value) {
      if (part.added) {
        lines.push({ kind: 'added', newLine: newLine++, text });
        added++;
      } else if (part.removed) {
        lines.push({ kind: 'removed', oldLine: oldLine++, text });
        removed++;
      } else lines.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  for (let i = 0; i < Math.min(end, CONTEXT_LINES); i++) lines.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, text: a[a.length - end + i] ?? '' });
  return { ...base, added, removed, hunks: toHunks(lines) };
}

interface Entry {
  ref: FileRef;
  value: string | ContentFile;
}

function contentEntries(workspace: Workspace): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const [physicalPath, files] of Object.entries(workspace.content)) {
    for (const [relativePath, value] of Object.entries(files)) {
      entries.set(`${normalizePhysicalPath(physicalPath)}|${normalizeRelativePath(relativePath)}`, { ref: { kind: 'content', physicalPath, relativePath }, value });
    }
  }
  return entries;
}

function textOf(value: string | ContentFile | undefined): string {
  return typeof value === 'string' ? value : (value?.text ?? '');
}

/** A file's NTFS facts in words: "hidden; readers: Administrators, Users". */
export function describeAttributes(value: string | ContentFile | undefined): string {
  if (value === undefined || typeof value === 'string') return 'none';
  const parts: string[] = [];
  if (value.hidden === true) parts.push('hidden');
  if (value.readers !== undefined) parts.push(`readers: ${value.readers.length === 0 ? 'nobody' : value.readers.join(', ')}`);
  return parts.length === 0 ? 'none' : parts.join('; ');
}

/** The diffs already made, by file: a file whose texts did not change since is not diffed again. */
export type DiffCache = Map<string, { before: string; after: string; diff: TextDiff }>;

function cachedDiff(cache: DiffCache | undefined, key: string, before: string, after: string): TextDiff {
  const hit = cache?.get(key);
  if (hit !== undefined && hit.before === before && hit.after === after) return hit.diff;
  const diff = diffText(before, after);
  cache?.set(key, { before, after, diff });
  return diff;
}

const isConfigurationFile = (relativePath: string): boolean => /(^|[\\/])web\.config$/i.test(relativePath);

/** Every file that differs between the loaded workspace and the current one: applicationHost.config first, then by path. */
export function workspaceChanges(original: Workspace, current: Workspace, cache?: DiffCache): WorkspaceChanges {
  const files: FileChange[] = [];
  if (original.applicationHostConfig !== current.applicationHostConfig) {
    const diff = cachedDiff(cache, 'applicationHost', original.applicationHostConfig, current.applicationHostConfig);
    files.push({ key: 'applicationHost', label: describeFile(APPLICATION_HOST), kind: 'changed', file: APPLICATION_HOST, isConfiguration: true, diff });
  }
  if (original.content !== current.content) {
    const before = contentEntries(original);
    const after = contentEntries(current);
    const others: FileChange[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(key);
      const now = after.get(key);
      if (old?.value === now?.value) continue;
      const oldText = old === undefined ? '' : textOf(old.value);
      const newText = now === undefined ? '' : textOf(now.value);
      const oldAttributes = describeAttributes(old?.value);
      const newAttributes = describeAttributes(now?.value);
      if (old !== undefined && now !== undefined && oldText === newText && oldAttributes === newAttributes) continue;
      const ref = (now ?? old)?.ref;
      if (ref === undefined || ref.kind !== 'content') continue;
      others.push({
        key,
        label: describeFile(ref),
        kind: old === undefined ? 'added' : now === undefined ? 'removed' : 'changed',
        file: now?.ref,
        isConfiguration: isConfigurationFile(ref.relativePath),
        diff: cachedDiff(cache, key, oldText, newText),
        ...(old !== undefined && now !== undefined && oldAttributes !== newAttributes ? { attributes: { before: oldAttributes, after: newAttributes } } : {}),
      });
    }
    others.sort((x, y) => x.label.localeCompare(y.label, 'en', { sensitivity: 'base' }));
    files.push(...others);
  }
  const usersChanged = original.users !== current.users && JSON.stringify(original.users ?? null) !== JSON.stringify(current.users ?? null);
  return { files, usersChanged };
}
