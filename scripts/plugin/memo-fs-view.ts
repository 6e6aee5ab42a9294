import { basename, dirname, join, normalize } from 'node:path';
import type { FsEntry, FsView, ListResult, ReadResult } from './fs-view.ts';

/** Files up to this size are kept once read (up to KEEP_TOTAL in all); others are read again when asked for again. */
const KEEP_BYTES = 1024 * 1024;
const KEEP_TOTAL = 64 * 1024 * 1024;

/**
 * An FsView that answers each question about a path once. One validation run (the claude level, then
 * the load and lint rules) asks the same stat, directory listing, real path and file again and again;
 * the tree is taken as unchanging for the run, so the answers are the same. Several targets in one run
 * often share a tree (a marketplace and its plugins), so one view serves the whole run; file contents
 * are kept only up to a budget. A real path is derived from the parent's real path and
 * one lstat when the entry is not a symlink, instead of a realpath(3) walk of every component.
 */
export function memoFsView(inner: FsView): FsView {
  const lstats = new Map<string, FsEntry | null>();
  const stats = new Map<string, ReturnType<FsView['stat']>>();
  const dirs = new Map<string, string[]>();
  const lists = new Map<string, ListResult>();
  const sortedLists = new Map<string, ListResult>();
  const reals = new Map<string, string | null>();
  const files = new Map<string, ReadResult>();
  let kept = 0;
  // No FsView answer is `undefined`, so one lookup tells a hit from a miss.
  const once = <T>(cache: Map<string, T>, key: string, get: () => T): T => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const v = get();
    cache.set(key, v);
    return v;
  };
  const lstat = (abs: string) => once(lstats, abs, () => inner.lstat(abs));
  const realpath = (abs: string): string | null => once(reals, abs, () => {
    const parent = dirname(abs);
    // Only plain absolute paths are derived; anything else (relative, `..`, the root) asks the inner view.
    if (parent === abs || abs[0] !== '/' || normalize(abs) !== abs || abs.endsWith('/')) return inner.realpath(abs);
    const e = lstat(abs);
    if (e === null) return null;
    if (e.type === 'symlink') return inner.realpath(abs);
    const realParent = realpath(parent);
    return realParent === null ? inner.realpath(abs) : join(realParent, basename(abs));
  });
  return {
    lstat,
    realpath,
    stat: (abs) => once(stats, abs, () => inner.stat(abs)),
    readdir: (abs) => once(dirs, abs, () => inner.readdir(abs)),
    list: (abs) => once(lists, abs, () => inner.list(abs)),
    ...(inner.sortedList ? { sortedList: (abs: string) => once(sortedLists, abs, () => inner.sortedList!(abs)) } : {}),
    readFile(abs, limit) {
      const hit = files.get(abs);
      if (hit?.ok && (limit === undefined || hit.bytes.length <= limit)) return hit;
      const key = `${limit ?? ''}\0${abs}`;
      const failed = files.get(key);
      if (failed) return failed;
      const r = inner.readFile(abs, limit);
      if (!r.ok) files.set(key, r);
      else if (r.bytes.length <= KEEP_BYTES && kept + r.bytes.length <= KEEP_TOTAL) {
        kept += r.bytes.length;
        files.set(abs, r);
      }
      return r;
    },
  };
}
