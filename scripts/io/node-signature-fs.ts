import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { SignatureFs } from '../trust/signing/signature-fs.ts';
import { nodeTreeFs } from './node-tree-fs.ts';

/** SignatureFs over node:fs: the tree digest's adapter plus a bounded read that never follows a symlink. */
export const nodeSignatureFs: SignatureFs = {
  ...nodeTreeFs,
  readFile(abs: string, limit: number): Uint8Array | null | 'too-large' {
    let fd: number;
    try {
      fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw e;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw Object.assign(new Error(`${abs} is not a regular file`), { code: 'EINVAL' });
      if (st.size > limit) return 'too-large';
      // Read up to limit + 1 bytes: the size may grow between fstat and read.
      const buf = Buffer.allocUnsafe(Math.min(st.size, limit) + 1);
      let n = 0;
      for (;;) {
        const r = readSync(fd, buf, n, buf.length - n, null);
        if (r === 0) break;
        n += r;
        if (n > limit) return 'too-large';
        if (n === buf.length) break;
      }
      return n > limit ? 'too-large' : buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  },
};
