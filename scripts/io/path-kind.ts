import { statSync } from 'node:fs';

/** What is at `abs` (following symlinks), for parseRegistrySource's `kindOf`; null when nothing is there. */
export function pathKind(abs: string): 'file' | 'dir' | 'other' | null {
  try {
    const st = statSync(abs);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  } catch {
    return null;
  }
}
