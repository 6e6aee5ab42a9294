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
  /**
   * code: errno (ENOENT, EACCES, EISDIR, ENOTDIR, ELOOP…), `TOO_LARGE` (over `limit`) or `NOT_REGULAR`
   * (a FIFO, socket or device: never read, it could block or never end). message: as Claude Code (Bun)
   * words it, e.g. `ENOENT: no such file or directory, open '/x'`, `EISDIR: illegal operation on a directory, read`.
   */
  | { ok: false; code: string; message: string };

/** A directory entry typed like a `Dirent`: a symlink is `symlink`, never followed. */
export interface DirEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'other';
}

export type ListResult = { ok: true; entries: DirEntry[] } | { ok: false; code: string };

export interface FsView {
  /** lstat: symlinks are reported, never followed. null when missing. */
  lstat(abs: string): FsEntry | null;
  /** stat following symlinks; null when missing or dangling. errno code when it failed otherwise. */
  stat(abs: string): FsEntry | { type: 'error'; code: string } | null;
  /** Names in a directory, sorted by code unit; [] when unreadable. */
  readdir(abs: string): string[];
  /**
   * Entries of a directory in the operating system's own order (the order Claude Code's Bun runtime
   * sees, which decides the order of its per-file report blocks); errno code when unreadable.
   */
  list(abs: string): ListResult;
  /**
   * The same entries sorted by name (UTF-16 code units), for callers that do not need the OS order; a
   * view may offer it when it is cheaper than `list` (node:fs lists sorted entries faster than in order).
   */
  sortedList?(abs: string): ListResult;
  /** Read a whole file (following symlinks), at most `limit` bytes (else code TOO_LARGE). */
  readFile(abs: string, limit?: number): ReadResult;
  /** The real path, or null. */
  realpath(abs: string): string | null;
}
