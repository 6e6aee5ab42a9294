import type { TreeFs } from '../../integrity/tree-fs.ts';

/**
 * The read-only port signature verification works on: the tree digest's port plus a bounded file
 * read. scripts/io/node-signature-fs.ts implements it over node:fs.
 */
export interface SignatureFs extends TreeFs {
  /**
   * The bytes of a regular file, never following a symlink; null when it does not exist;
   * 'too-large' when it is bigger than `limit`. Other failures throw (errno errors).
   */
  readFile(abs: string, limit: number): Uint8Array | null | 'too-large';
}
