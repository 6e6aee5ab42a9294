import { spawnSync } from 'node:child_process';

/** The git work tree containing `dir`: its top level and the path of `dir` inside it; undefined if none. */
export function gitRepoOf(dir: string): { top: string; prefix: string } | undefined {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel', '--show-prefix'], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) return undefined;
  const [top, prefix = ''] = r.stdout.split('\n');
  return top ? { top, prefix: prefix.replace(/\/$/, '') } : undefined;
}

/** Run git; throws MpError-free plain results so callers decide the code. */
export function git(args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd: opts.cwd, encoding: 'utf8', timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : '') };
}
