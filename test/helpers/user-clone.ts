// The repository as a user gets it: a `git clone` of the committed HEAD over file:// (no node_modules,
// nothing untracked). While developing, the plugin's own files may be newer in the working tree than
// in HEAD (dist/ is committed by the lead); `overlay` copies those paths over the clone and commits
// them there, and the result says exactly which files differ from HEAD, so a test can report it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './claude.ts';

/** The directories and files Claude Code loads from the plugin root (the repo root is the plugin root). */
export const PLUGIN_PATHS = ['.claude-plugin', 'commands', 'agents', 'skills', 'hooks', 'dist'];

export interface UserClone {
  /** The clone (a git work tree whose HEAD is what gets installed). */
  dir: string;
  /** The commit of the main checkout that was cloned. */
  head: string;
  /** Files changed by the overlay relative to HEAD (`git status --porcelain` lines); empty = HEAD as committed. */
  overlaid: string[];
  cleanup(): void;
}

export function userClone(opts: { overlay?: boolean } = {}): UserClone {
  const root = mkdtempSync(join(tmpdir(), 'mp-clone-'));
  const dir = join(root, 'marketplace-pro');
  git(root, ['clone', '--quiet', `file://${REPO}`, dir]);
  const head = git(dir, ['rev-parse', 'HEAD']).trim();
  let overlaid: string[] = [];
  if (opts.overlay ?? true) {
    for (const p of PLUGIN_PATHS) {
      rmSync(join(dir, p), { recursive: true, force: true });
      if (existsSync(join(REPO, p))) cpSync(join(REPO, p), join(dir, p), { recursive: true });
    }
    const present = PLUGIN_PATHS.filter((p) => existsSync(join(dir, p)) || git(dir, ['ls-files', '--', p]) !== '');
    if (present.length > 0) git(dir, ['add', '--all', '--', ...present]);
    overlaid = git(dir, ['status', '--porcelain']).split('\n').filter(Boolean);
    if (overlaid.length > 0) git(dir, ['-c', 'user.name=mp-test', '-c', 'user.email=mp-test@example.invalid', 'commit', '--quiet', '--no-verify', '-m', 'test: working-tree plugin files']);
  }
  return { dir, head, overlaid, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function git(cwd: string, args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${r.stderr || r.error}`);
  return r.stdout;
}
