// Lock entries for the pure lock tests.
import type { LockEntry } from '../../scripts/lock/types.ts';

export const SHA = (c: string) => c.repeat(64).slice(0, 64);
export const COMMIT = 'a5f7db5281fa268a767e71f37ee6532e2baeb6dd';

export function entry(id: string, over: Partial<LockEntry> = {}): LockEntry {
  return {
    id,
    version: '1.0.0',
    scope: 'project',
    registry: { name: id.split('@')[1], source: { source: 'directory', path: '/r' } },
    source: { kind: 'relative', url: 'file:///r', path: `plugins/${id.split('@')[0]}`, commit: COMMIT },
    dependencies: [],
    integrity: `sha256-${Buffer.alloc(32, id.length).toString('base64')}`,
    files: { 'a.md': `f ${SHA('a')}` },
    ...over,
  };
}
