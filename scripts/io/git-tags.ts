import { pathToFileURL } from 'node:url';
import { parseLsRemoteTags } from '../plugin/load-checks/support/ls-remote-tags.ts';
import { git } from './git.ts';

/**
 * The tags of the git repository at `dir`, read the way Claude Code resolves dependency versions for a
 * local marketplace: `git ls-remote --tags -- file://<dir>`. Null when `dir` is not the top of a git
 * repository (ls-remote fails there too, and Claude Code then falls back to the copy at HEAD).
 */
export function readGitTags(dir: string): string[] | null {
  const r = git(['ls-remote', '--tags', '--', pathToFileURL(dir).href], { timeoutMs: 20_000 });
  return r.code === 0 ? parseLsRemoteTags(r.stdout) : null;
}
