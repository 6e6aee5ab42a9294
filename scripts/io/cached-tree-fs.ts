import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TreeFs } from '../integrity/tree-fs.ts';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * A TreeFs that remembers file hashes between runs, so that the SessionStart quick verify rehashes only
 * files that changed. A cached hash is reused only when the file's (path, size, mtime ns, ctime ns,
 * inode, mode) are all unchanged. ctime cannot be set by a user (touch -d resets mtime, not ctime), so
 * restoring a tampered file's mtime does not hide it. Like git's "racy" rule, a file modified within
 * RACY_MS of when it was hashed is hashed again next time (same-second rewrites keep the mtime).
 * The cache is a plain JSON file; a missing or corrupt one is just empty.
 */
const RACY_MS = 2_000n;
const VERSION = 1;

type Row = [key: string, sha256: string, hashedAtMs: number];

export interface DigestCache {
  fs: TreeFs;
  /** Write the cache back (atomically) if it changed; rows under `roots` not seen this run are dropped. */
  save(roots: readonly string[]): void;
  stats: { hits: number; misses: number };
}

export function cachedTreeFs(inner: TreeFs, cacheFile: string, now: () => number = Date.now): DigestCache {
  let rows: Record<string, Row> = {};
  try {
    const j = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: number; files?: Record<string, Row> };
    if (j.version === VERSION && j.files && typeof j.files === 'object') rows = j.files;
  } catch { /* no cache yet */ }
  const seen = new Set<string>();
  const stats = { hits: 0, misses: 0 };
  let dirty = false;
  const fs: TreeFs = {
    lstat: (abs) => inner.lstat(abs),
    readdir: (abs) => inner.readdir(abs),
    readlink: (abs) => inner.readlink(abs),
    sha256File(abs, st) {
      seen.add(abs);
      const key = `${st.size}:${st.mtimeNs}:${st.ctimeNs ?? ''}:${st.ino}:${st.mode}`;
      const row = rows[abs];
      if (row && row[0] === key && Array.isArray(row) && typeof row[1] === 'string' && st.mtimeNs < BigInt(Math.floor(row[2])) * 1_000_000n - RACY_MS * 1_000_000n) {
        stats.hits++;
        return row[1];
      }
      stats.misses++;
      const sha = inner.sha256File(abs, st);
      rows[abs] = [key, sha, now()];
      dirty = true;
      return sha;
    },
  };
  return {
    fs,
    stats,
    save(roots) {
      for (const abs of Object.keys(rows)) {
        if (!seen.has(abs) && roots.some((r) => abs.startsWith(`${r}/`))) { delete rows[abs]; dirty = true; }
      }
      if (!dirty) return;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileAtomic(cacheFile, JSON.stringify({ version: VERSION, files: rows }));
      } catch { /* a cache that cannot be written only costs speed */ }
    },
  };
}
