import { homedir } from 'node:os';
import { join } from 'node:path';
import { computeTreeDigest } from '../integrity/tree-digest.ts';
import { cachedTreeFs } from './cached-tree-fs.ts';
import { nodeTreeFs } from './node-tree-fs.ts';
import { verifyProject, type VerifyProjectResult } from './verify-project.ts';

/**
 * The SessionStart quick verify: mp verify's lock comparison (no policy, no network), with file hashes
 * cached between sessions in the plugin's data dir ($CLAUDE_PLUGIN_DATA/digest-cache.json) or, outside
 * Claude Code, in $XDG_CACHE_HOME/marketplace-pro/digest-cache.json.
 */
export function quickVerify(o: { env: Record<string, string | undefined>; projectDir: string; cacheFile?: string }): VerifyProjectResult & { cache: { hits: number; misses: number } } {
  const cache = cachedTreeFs(nodeTreeFs, o.cacheFile ?? digestCacheFile(o.env));
  const roots: string[] = [];
  const r = verifyProject({
    env: o.env,
    projectDir: o.projectDir,
    digest: (p) => {
      roots.push(p);
      return computeTreeDigest(p, cache.fs, { strict: false });
    },
  });
  cache.save(roots);
  return { ...r, cache: cache.stats };
}

export function digestCacheFile(env: Record<string, string | undefined>): string {
  if (env.CLAUDE_PLUGIN_DATA) return join(env.CLAUDE_PLUGIN_DATA, 'digest-cache.json');
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'marketplace-pro', 'digest-cache.json');
}
