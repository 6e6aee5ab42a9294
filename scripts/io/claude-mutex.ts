import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withFileMutex } from './file-mutex.ts';

/**
 * Serialise the `claude plugin …` commands mp runs for one user. Claude Code 2.1.197 rewrites
 * settings.json and installed_plugins.json without a lock: two `claude plugin install` running at the
 * same time in one project lose an enabledPlugins entry (measured: 2 concurrent install chains of 2
 * plugins each ended with 3 of 4 enabled). mp never runs two at once; what users run by hand is theirs.
 * The mutex lives in mp's own state dir ($XDG_STATE_HOME/marketplace-pro), never in Claude's.
 */
export async function withClaudeMutex<T>(env: Record<string, string | undefined>, fn: () => T | Promise<T>): Promise<T> {
  const dir = join(env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state'), 'marketplace-pro');
  mkdirSync(dir, { recursive: true });
  return withFileMutex(join(dir, 'claude-plugin-commands'), fn, { timeoutMs: 15 * 60_000, staleMs: 15 * 60_000 });
}
