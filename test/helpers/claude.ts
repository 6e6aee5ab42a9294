// Run the real Claude Code CLI (devDependency, pinned 2.1.197) with HOME in a temporary directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const CLAUDE = join(REPO, 'node_modules/.bin/claude');

export interface RunResult { code: number; stdout: string; stderr: string }

export function tempHome(prefix = 'mp-home-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Environment for a child process that must not see the developer's own Claude state or keys. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of ['PATH', 'LANG', 'LC_ALL', 'TERM', 'TMPDIR', 'SystemRoot']) if (process.env[k]) env[k] = process.env[k]!;
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', ...extra };
}

export function runClaude(args: string[], opts: { home?: string; cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): RunResult {
  const home = opts.home ?? tempHome();
  const r = spawnSync(CLAUDE, args, {
    cwd: opts.cwd ?? home,
    env: isolatedEnv(home, opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Run the committed CLI bundle, as a user of a fresh clone would. */
export function runMp(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): RunResult {
  const r = spawnSync(process.execPath, [join(REPO, 'dist/mp.js'), ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
