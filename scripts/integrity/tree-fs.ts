/**
 * The read-only port computeTreeDigest walks. scripts/io/node-tree-fs.ts implements it over node:fs
 * (and scripts/io/cached-tree-fs.ts adds a digest cache for the SessionStart quick verify); tests may
 * implement it in memory. Methods may throw (errno errors); the digest turns that into TREE_UNREADABLE.
 */
export type TreeStat =
  | { kind: 'file'; mode: number; size: number; mtimeNs: bigint; ino: bigint; ctimeNs?: bigint }
  | { kind: 'dir' }
  | { kind: 'symlink' }
  | { kind: 'other' };

export interface TreeFs {
  /** lstat: a symlink is reported as a symlink, never followed. null when the path does not exist. */
  lstat(abs: string): TreeStat | null;
  /** Entry names of a directory (any order). A name that is not valid UTF-8 must contain U+FFFD. */
  readdir(abs: string): string[];
  /** The target string of a symlink, as stored. */
  readlink(abs: string): string;
  /** Lowercase hex sha256 of a regular file's bytes (never following a symlink). */
  sha256File(abs: string, stat: Extract<TreeStat, { kind: 'file' }>): string;
}
