import { writeSync } from 'node:fs';

/**
 * Write text to stdout (fd 1) synchronously, for a hook entry: touching `process.stdout` builds a stream
 * (a few milliseconds of module loading) for what is one short line. A non-blocking pipe that is full
 * (EAGAIN) is waited on and retried; any other failure is thrown to the caller.
 */
export function writeStdout(text: string): void {
  const buf = Buffer.from(text, 'utf8');
  for (let off = 0; off < buf.length;) {
    try {
      off += writeSync(1, buf, off, buf.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}
