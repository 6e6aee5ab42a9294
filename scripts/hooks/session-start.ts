// SessionStart hook: a quick `mp verify` at the start of every Claude Code session. It tells the user
// (systemMessage) and Claude (additionalContext) when the installed plugins drifted from plugin-lock.json.
// It never blocks the session: whatever happens, exit 0. No plugin-lock.json: silent, and nothing heavy
// is loaded (the verify code is imported only when there is a lock to check).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readStdin } from '../io/read-stdin.ts';

async function main(): Promise<void> {
  const env = process.env;
  let cwd = process.cwd();
  try {
    const input = JSON.parse(readStdin(1 << 20) ?? '{}') as { cwd?: unknown };
    if (typeof input.cwd === 'string' && input.cwd) cwd = input.cwd;
  } catch { /* no or bad event: use the process cwd */ }
  const projectDir = env.CLAUDE_PROJECT_DIR || cwd;
  if (!existsSync(join(projectDir, 'plugin-lock.json'))) return;
  const { sessionStartOutput } = await import('./session-start-check.ts');
  const out = sessionStartOutput(env, projectDir);
  if (out) process.stdout.write(JSON.stringify(out) + '\n');
}

try {
  await main();
} catch { /* fail open: a broken verify must never stop a session */ }
process.exitCode = 0;
