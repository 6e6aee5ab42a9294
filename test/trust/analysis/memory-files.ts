// An in-memory PluginFiles for tests: a tree from an object, with optional symlinks; reads honour the limit.
import type { PluginEntry, PluginFiles } from '../../../scripts/trust/analysis/plugin-files.ts';

export type MemTree = Record<string, string | Uint8Array | { symlink: string }>;

export function memoryFiles(tree: MemTree): PluginFiles {
  const entries = new Map<string, PluginEntry>();
  const bytes = new Map<string, Uint8Array>();
  for (const [path, v] of Object.entries(tree)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!entries.has(dir)) entries.set(dir, { path: dir, type: 'dir', size: 0, mode: 0o755 });
    }
    if (typeof v === 'object' && 'symlink' in v) entries.set(path, { path, type: 'symlink', size: 0, mode: 0, target: v.symlink });
    else {
      const b = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
      bytes.set(path, b);
      entries.set(path, { path, type: 'file', size: b.length, mode: 0o644 });
    }
  }
  return {
    list({ maxEntries, maxDepth }) {
      const all = [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
      const within = all.filter((e) => e.path.split('/').length <= maxDepth);
      return { entries: within.slice(0, maxEntries), truncated: within.length > maxEntries ? 'entries' : within.length < all.length ? 'depth' : null, errors: [] };
    },
    read(path, limit) {
      const b = bytes.get(path);
      if (!b) return { ok: false, code: 'ENOENT' };
      return { ok: true, bytes: b.subarray(0, limit), truncated: b.length > limit };
    },
  };
}
