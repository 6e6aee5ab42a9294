import { fstatSync, readSync } from 'node:fs';

/**
 * Read all of stdin (fd 0) as UTF-8 for a hook entry, synchronously: touching `process.stdin` builds a
 * stream (and loads node:net for a pipe), which is most of a hook's fast-path cost. Returns null when
 * stdin is a terminal (nobody will send an event) or when more than `limit` bytes arrive: a hook fails
 * open instead of buffering an unbounded stream.
 */
export function readStdin(limit: number): string | null {
  try {
    if (fstatSync(0).isCharacterDevice()) return null;
  } catch {
    return null; // no stdin at all
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(size < 65536 ? 65536 : 1 << 20);
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { sleep(2); continue; } // a non-blocking pipe with nothing yet
      if (code === 'EOF') break; // Windows: the writer closed the pipe
      throw e;
    }
    if (n === 0) break;
    size += n;
    if (size > limit) return null;
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
