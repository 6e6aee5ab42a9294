import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { MpError, truncate } from '../../core/errors.ts';

export interface GitCheckoutOptions {
  url: string;
  ref?: string;
  /** The checkout directory in the cache. */
  dir: string;
  timeoutMs: number;
  env: Record<string, string | undefined>;
}

/**
 * Clone (shallow) or refresh a registry repository with the real `git`, bounded by a timeout, and
 * return the checked-out commit. A fresh clone goes to a temporary directory first and is renamed into
 * place, so an interrupted clone never looks like a cache. Never prompts for credentials.
 */
export function gitCheckout(o: GitCheckoutOptions): string {
  const env = { ...o.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GIT_SSH_COMMAND: o.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes' };
  if (existsSync(`${o.dir}/.git`)) {
    git(['-C', o.dir, 'fetch', '--quiet', '--depth', '1', 'origin', o.ref ?? 'HEAD'], o, env);
    git(['-C', o.dir, 'checkout', '--quiet', '--force', '--detach', 'FETCH_HEAD'], o, env);
  } else {
    const tmp = `${o.dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(dirname(o.dir), { recursive: true });
    try {
      git(['clone', '--quiet', '--depth', '1', '--no-tags', ...(o.ref ? ['--branch', o.ref] : []), '--', o.url, tmp], o, env);
      rmSync(o.dir, { recursive: true, force: true });
      renameSync(tmp, o.dir);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return git(['-C', o.dir, 'rev-parse', 'HEAD'], o, env).trim();
}

/** HEAD of an existing checkout, or undefined. */
export function gitHead(dir: string, env: Record<string, string | undefined>): string | undefined {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { env, encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function git(args: string[], o: GitCheckoutOptions, env: Record<string, string | undefined>): string {
  const r = spawnSync('git', args, { env, encoding: 'utf8', timeout: o.timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new MpError('GIT_NOT_FOUND', 'could not run git — it is not installed or not on PATH', { hint: 'install git; git registries are fetched with it' });
  }
  if (r.status !== 0) {
    const why = r.signal ? `timed out after ${o.timeoutMs} ms` : lastLine(r.stderr) || `git exited with ${r.status}`;
    throw new MpError('REGISTRY_UNREACHABLE', `could not fetch git registry ${maskUrl(o.url)}${o.ref ? `#${o.ref}` : ''} — ${truncate(maskUrl(why), 300)}`, {
      hint: 'check the URL and your network or credentials; use --offline to work from the cache',
    });
  }
  return r.stdout;
}

function lastLine(s: string | null): string {
  return (s ?? '').trim().split('\n').filter(Boolean).at(-1) ?? '';
}

/** Never echo credentials embedded in a URL (https://user:token@host). */
export function maskUrl(s: string): string {
  return s.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
