import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Replace `path` with `text` so that a reader (or a crash, or SIGKILL) only ever sees the old or the new
 * file: write a temp file in the same directory (same filesystem, so rename is atomic), fsync it, rename
 * it over the target, fsync the directory so the rename itself survives a power loss.
 * The temp name carries our pid so that removeStaleTemps() can clean up after a killed writer.
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
  fsyncDir(dirname(path));
}

/** Remove temp files left by writers of `path` that were killed (their pid is gone). */
export function removeStaleTemps(path: string, isAlive: (pid: number) => boolean): void {
  const prefix = `.${basename(path)}.`;
  let names: string[] = [];
  try { names = readdirSync(dirname(path)); } catch { return; }
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith('.tmp')) continue;
    const pid = Number(n.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) {
      try { unlinkSync(join(dirname(path), n)); } catch { /* raced with another cleaner */ }
    }
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch { /* some filesystems refuse fsync on a directory; the rename is still atomic */ } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
