import * as z from 'zod';

let configured = false;

/**
 * Build a schema on first use, then reuse it. Claude Code builds its schemas the same lazy way, and it
 * keeps module load free: the PostToolUse hook imports the validator on every edit.
 * zod runs jitless: its JIT compiles each object schema with `new Function` on first parse, which costs
 * more than it saves when a process validates one file (the hook) and about breaks even over a corpus.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    if (!configured) {
      z.config({ jitless: true });
      configured = true;
    }
    return (value ??= build());
  };
}
