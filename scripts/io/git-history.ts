import { spawnSync } from 'node:child_process';
import type { GitHistory } from '../trust/score/inputs.ts';

export type HistoryResult = { ok: true; history: GitHistory } | { ok: false; reason: string };

const MAX_COMMITS = 200;

/**
 * The commits that touched `dir` (newest first, at most 200): sha, author email after .mailmap, committer
 * date. The repository may be hostile: git runs with hooks and fsmonitor disabled, no system config, no
 * prompts, and a timeout; any failure is a reason, never an exception.
 */
export function readGitHistory(dir: string, timeoutMs = 10_000): HistoryResult {
  let r;
  try {
    r = spawnSync('git', ['-C', dir, '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'log.showSignature=false', 'log', `-n${MAX_COMMITS}`, '--no-color', '--format=%H%x1f%aE%x1f%cI', '--', '.'], {
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 8 * 1024 * 1024,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
  } catch (e) {
    return { ok: false, reason: `git could not run (${(e as Error).message})` };
  }
  if (r.error) return { ok: false, reason: `git could not run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})` };
  if (r.status !== 0) return { ok: false, reason: /not a git repository/i.test(r.stderr ?? '') ? 'not in a git repository' : `git log failed (${(r.stderr ?? '').trim().split('\n')[0]?.slice(0, 120) || `exit ${r.status}`})` };
  const commits = (r.stdout ?? '').split('\n').filter(Boolean).map((l) => {
    const [sha, email, date] = l.split('\x1f');
    return { sha: sha ?? '', email: email ?? '', date: date ?? '' };
  }).filter((c) => /^[0-9a-f]{40,64}$/.test(c.sha));
  if (commits.length === 0) return { ok: false, reason: 'no commits touch this directory' };
  return { ok: true, history: { commits } };
}
