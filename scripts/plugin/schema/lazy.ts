/**
 * Build a schema on first use, then reuse it. Claude Code builds its schemas the same lazy way, and it
 * keeps module load free: the PostToolUse hook imports the validator on every edit.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
