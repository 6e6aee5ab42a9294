import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, readlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { TreeFs, TreeStat } from '../integrity/tree-fs.ts';

const CHUNK = 1 << 20;
let shared: Buffer | undefined;

/**
 * TreeFs over node:fs, synchronous (plugin trees are small; sync calls avoid promise overhead per file).
 * Files are opened with O_NOFOLLOW so a file swapped for a symlink after the lstat is never followed.
 */
export const nodeTreeFs: TreeFs = {
  lstat(abs: string): TreeStat | null {
    let st;
    try {
      st = lstatSync(abs, { bigint: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw e;
    }
    if (st.isFile()) return { kind: 'file', mode: Number(st.mode & 0o7777n), size: Number(st.size), mtimeNs: st.mtimeNs, ino: st.ino, ctimeNs: st.ctimeNs };
    if (st.isDirectory()) return { kind: 'dir' };
    if (st.isSymbolicLink()) return { kind: 'symlink' };
    return { kind: 'other' };
  },
  readdir(abs: string): string[] {
    // Read raw bytes: a name that is not valid UTF-8 comes back with U+FFFD so the digest rejects it.
    return readdirSync(abs, { encoding: 'buffer' }).map((b) => {
      const s = b.toString('utf8');
      return Buffer.from(s, 'utf8').equals(b) ? s : s.includes('\uFFFD') ? s : `${s}\uFFFD`;
    });
  },
  readlink(abs: string): string {
    return readlinkSync(abs, 'utf8');
  },
  sha256File(abs: string): string {
    const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${abs} is not a regular file`), { code: 'EINVAL' });
      const h = createHash('sha256');
      shared ??= Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const n = readSync(fd, shared, 0, CHUNK, null);
        if (n === 0) break;
        h.update(n === CHUNK ? shared : shared.subarray(0, n));
      }
      return h.digest('hex');
    } finally {
      closeSync(fd);
    }
  },
};
