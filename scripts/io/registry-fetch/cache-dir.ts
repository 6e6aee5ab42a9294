import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where fetched registries are cached: inside Claude Code the plugin's own data directory
 * ($CLAUDE_PLUGIN_DATA/registries, which survives plugin updates), elsewhere the user cache
 * ($XDG_CACHE_HOME/marketplace-pro/registries, default ~/.cache/marketplace-pro/registries).
 */
export function registryCacheDir(env: Record<string, string | undefined>): string {
  if (env.CLAUDE_PLUGIN_DATA) return join(env.CLAUDE_PLUGIN_DATA, 'registries');
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'marketplace-pro', 'registries');
}
