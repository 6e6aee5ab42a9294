/**
 * The read-only view of a file tree that the pure validator works on. scripts/io/node-fs-view.ts
 * implements it over node:fs; tests may implement it in memory. Every method answers, never throws.
 */
export type FsEntry =
  | { type: 'file'; size: number; mode: number }
  | { type: 'dir' }
  | { type: 'symlink'; target: string }
  | { type: 'other' };

export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; code: string; message: string }; // code: errno (ENOENT, EACCES, EISDIR, …) or mp's TOO_LARGE

export interface FsView {
  /** lstat: symlinks are reported, never followed. null when missing. */
  lstat(abs: string): FsEntry | null;
  /** stat following symlinks; null when missing or dangling. errno code when it failed otherwise. */
  stat(abs: string): FsEntry | { type: 'error'; code: string } | null;
  /** Names in a directory, sorted by code unit; [] when unreadable. */
  readdir(abs: string): string[];
  /** Read a whole file (following symlinks), at most `limit` bytes (else code TOO_LARGE). */
  readFile(abs: string, limit?: number): ReadResult;
  /** The real path, or null. */
  realpath(abs: string): string | null;
}
