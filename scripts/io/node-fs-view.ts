import { closeSync, constants, fstatSync, lstatSync, openSync, opendirSync, readSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import type { DirEntry, FsEntry, FsView, ListResult, ReadResult } from '../plugin/fs-view.ts';

/** Files larger than this are never read whole, whatever the caller asks (a hostile tree can hold a 10 GB file). */
export const HARD_READ_LIMIT = 64 * 1024 * 1024;

/** FsView over node:fs. Synchronous calls: the validator reads a few hundred small files and sync is fastest. */
export function nodeFsView(): FsView {
  return { lstat, stat, readdir, list, sortedList, readFile, realpath };
}

function entry(s: Stats, abs: string): FsEntry {
  if (s.isSymbolicLink()) {
    let target = '';
    try { target = readlinkSync(abs); } catch { /* raced away: keep it a symlink with no target */ }
    return { type: 'symlink', target };
  }
  if (s.isFile()) return { type: 'file', size: s.size, mode: s.mode };
  if (s.isDirectory()) return { type: 'dir' };
  return { type: 'other' };
}

function lstat(abs: string): FsEntry | null {
  try { return entry(lstatSync(abs), abs); } catch { return null; }
}

function stat(abs: string): FsEntry | { type: 'error'; code: string } | null {
  try {
    return entry(statSync(abs), abs);
  } catch (e) {
    const code = errno(e);
    return code === 'ENOENT' ? null : { type: 'error', code: code ?? 'EIO' };
  }
}

function readdir(abs: string): string[] {
  try { return readdirSync(abs).sort(); } catch { return []; }
}

/** opendir keeps the kernel's order (readdirSync sorts), which is what Bun and so Claude Code see. */
function list(abs: string): ListResult {
  let dir;
  try { dir = opendirSync(abs); } catch (e) { return { ok: false, code: errno(e) ?? 'EIO' }; }
  const entries: DirEntry[] = [];
  try {
    for (let d = dir.readSync(); d !== null; d = dir.readSync()) {
      entries.push({ name: d.name, type: d.isSymbolicLink() ? 'symlink' : d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other' });
    }
  } catch (e) {
    return { ok: false, code: errno(e) ?? 'EIO' };
  } finally {
    try { dir.closeSync(); } catch { /* already closed */ }
  }
  return { ok: true, entries };
}

/** readdirSync with types: one call per directory, where opendir costs a stream object and a call per entry. */
function sortedList(abs: string): ListResult {
  let dirents;
  try { dirents = readdirSync(abs, { withFileTypes: true }); } catch (e) { return { ok: false, code: errno(e) ?? 'EIO' }; }
  const entries: DirEntry[] = dirents.map((d) => ({ name: d.name, type: d.isSymbolicLink() ? 'symlink' : d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other' }));
  return { ok: true, entries: entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/**
 * Opened non-blocking so a FIFO planted in a plugin cannot hang the validator; only regular files
 * are read, and never more than `limit` (capped at HARD_READ_LIMIT) bytes.
 */
function readFile(abs: string, limit = HARD_READ_LIMIT): ReadResult {
  const max = Math.min(limit, HARD_READ_LIMIT);
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return failure(e);
  }
  try {
    const s = fstatSync(fd);
    if (s.isDirectory()) return { ok: false, code: 'EISDIR', message: 'EISDIR: illegal operation on a directory, read' };
    if (!s.isFile()) return { ok: false, code: 'NOT_REGULAR', message: `not a regular file: '${abs}'` };
    if (s.size > max) return { ok: false, code: 'TOO_LARGE', message: `file is larger than ${max} bytes: '${abs}'` };
    const buf = Buffer.allocUnsafe(Math.max(s.size, 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) break;
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
    }
    return { ok: true, bytes: buf.subarray(0, n) };
  } catch (e) {
    return failure(e);
  } finally {
    closeSync(fd);
  }
}

function realpath(abs: string): string | null {
  try { return realpathSync.native(abs); } catch { return null; }
}

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

function failure(e: unknown): ReadResult {
  return { ok: false, code: errno(e) ?? 'EIO', message: e instanceof Error ? e.message : String(e) };
}
