import { spawnSync } from 'node:child_process';
import { MpError } from '../core/errors.ts';

export interface ClaudeRun { code: number; stdout: string; stderr: string; args: string[] }

/**
 * Run the real Claude Code CLI (`$MP_CLAUDE_BIN`, else `claude` on PATH) with the caller's environment,
 * so that HOME, CLAUDE_CONFIG_DIR and CLAUDE_CODE_PLUGIN_CACHE_DIR are the ones mp reads.
 * Throws CLAUDE_NOT_FOUND when it cannot be started; a non-zero exit is returned, not thrown.
 */
export function runClaudeCli(args: string[], opts: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number }): ClaudeRun {
  const bin = opts.env.MP_CLAUDE_BIN || 'claude';
  const r = spawnSync(bin, args, {
    cwd: opts.cwd,
    env: opts.env as NodeJS.ProcessEnv,
    input: '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new MpError('CLAUDE_NOT_FOUND', `could not run ${bin} — not found`, { hint: 'install Claude Code (npm i -g @anthropic-ai/claude-code) or set MP_CLAUDE_BIN to its path' });
  }
  if (r.error) throw new MpError('CLAUDE_FAILED', `could not run ${bin} ${args.join(' ')} — ${String(r.error)}`, { hint: 'check that Claude Code runs: claude --version' });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', args };
}

/** Claude's own words for a failed command: its last ✘ line, else the whole output, trimmed. */
export function claudeFailure(r: ClaudeRun): string {
  const text = `${r.stdout}\n${r.stderr}`.trim();
  const line = text.split('\n').reverse().find((l) => l.includes('✘'));
  return (line ?? text).replace(/^.*✘\s*/, '').slice(0, 600);
}
