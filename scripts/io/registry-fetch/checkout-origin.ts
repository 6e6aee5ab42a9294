import { resolve, sep } from 'node:path';
import { git } from '../git.ts';
import { registryCacheDir } from './cache-dir.ts';

/**
 * When `dir` is mp's own checkout of a git registry (under the registry cache, as mp install registers a
 * registry whose URL `claude plugin marketplace add` cannot take, e.g. file://), the URL it was cloned
 * from: the lock records that real source, not the cache path, so a frozen install elsewhere refetches it.
 */
export function registryCheckoutOrigin(dir: string, env: Record<string, string | undefined>): string | undefined {
  const abs = resolve(dir);
  const caches = [registryCacheDir(env), registryCacheDir({ ...env, CLAUDE_PLUGIN_DATA: undefined })];
  if (!caches.some((c) => abs.startsWith(resolve(c) + sep)) && !abs.includes(`${sep}marketplace-pro${sep}registries${sep}`)) return undefined;
  const r = git(['-C', abs, 'remote', 'get-url', 'origin'], { timeoutMs: 10_000 });
  const url = r.stdout.trim();
  return r.code === 0 && url ? url : undefined;
}
