// A real `claude -p` session (2.1.197) with this repository as a plugin (--plugin-dir) and a scripted
// Messages API: when the model runs `claude plugin install` for a plugin the project policy blocks, the
// PreToolUse hook (hooks/hooks.json → dist/hooks/pre-tool-use.js) denies the Bash call, and the model
// reads the rule; an unrelated Bash command runs.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { CLAUDE, REPO, isolatedEnv, tempHome } from '../helpers/claude.ts';
import { startMockAnthropic, textOf, type Script } from '../helpers/mock-anthropic.ts';
import { testdir } from '../helpers/testdir.ts';

const cleanup: string[] = [];
after(() => { for (const d of cleanup) rmSync(d, { recursive: true, force: true }); });

async function session(cwd: string, script: Script) {
  const api = await startMockAnthropic(script);
  const home = tempHome('mp-e2e-policy-');
  cleanup.push(home);
  try {
    const child = spawn(CLAUDE, ['-p', 'install the plugin', '--plugin-dir', REPO, '--allowedTools', 'Bash'], {
      cwd, env: isolatedEnv(home, { ANTHROPIC_BASE_URL: api.url, ANTHROPIC_API_KEY: 'dummy' }), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d; });
    child.stderr.on('data', (d: Buffer) => { out += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    return { code, out, api };
  } finally {
    await api.close();
  }
}

test('the policy hook denies a blocked claude plugin install inside a real session, and lets other Bash run', { timeout: 300_000 }, async () => {
  const cwd = testdir({ '.claude/policies/plugins.yaml': 'plugins:\n  block: ["evil-*"]\n' });
  cleanup.push(cwd);
  const s = await session(cwd, (_body, turn) => turn === 0
    ? { toolUse: { name: 'Bash', input: { command: 'claude plugin install evil-miner@some-mkt --scope project', description: 'install' }, id: 'toolu_install' } }
    : turn === 1
      ? { toolUse: { name: 'Bash', input: { command: 'echo mp-allowed-marker', description: 'echo' }, id: 'toolu_echo' } }
      : { text: 'done' });
  assert.equal(s.code, 0, s.out.slice(0, 3000));
  assert.equal(s.api.turns.length, 3, s.out.slice(0, 3000));
  const afterInstall = textOf(s.api.turns[1].messages);
  assert.match(afterInstall, /plugins\.block: evil-miner@some-mkt matches blocked pattern "evil-\*"/, afterInstall.slice(-2000));
  const afterEcho = textOf(s.api.turns[2].messages);
  assert.match(afterEcho, /mp-allowed-marker/);
});
