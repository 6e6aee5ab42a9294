/**
 * The read-only view of a plugin directory the analysis works on. scripts/io/plugin-files.ts implements
 * it over node:fs (lstat only: symlinks are reported, never followed); tests implement it in memory.
 * Every method answers; none throws.
 */
export interface PluginEntry {
  /** Posix path relative to the plugin root. */
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'other';
  size: number;
  /** Permission bits (0 when unknown). */
  mode: number;
  /** For symlinks: the link text. */
  target?: string;
}

export interface ListResult {
  entries: PluginEntry[];
  /** Why the listing stopped early, if it did. */
  truncated: 'entries' | 'depth' | null;
  /** Directories that could not be read. */
  errors: string[];
}

export type ReadResult = { ok: true; bytes: Uint8Array; truncated: boolean } | { ok: false; code: string };

export interface PluginFiles {
  list(opts: { maxEntries: number; maxDepth: number; skipDirs: ReadonlySet<string> }): ListResult;
  /** At most `limit` bytes of a regular file; `truncated` when the file is longer. */
  read(path: string, limit: number): ReadResult;
}
