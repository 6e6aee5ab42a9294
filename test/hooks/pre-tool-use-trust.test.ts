// The PreToolUse hook (run from its TypeScript source) on `claude plugin install` under the policy's trust
// section: before anything is fetched it can only judge a plugin on plugin-lock.json, so the grade and the
// findings mp install recorded (with the real claude CLI, real trees) decide; unknown is denied.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { LockFile } from '../../scripts/lock/types.ts';
import { REPO } from '../helpers/claude.ts';
import { PRE_TOOL_USE_SOURCE, trustProject, type TrustProject } from '../helpers/trust-project.ts';

const TSX = join(REPO, 'node_modules/tsx/dist/loader.mjs');
let fx: TrustProject;
let lock: LockFile;

before(async () => {
  fx = await trustProject();
  const r = fx.mp(['install', 'unsigned', 'benign', 'evil', '--json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  lock = JSON.parse(fx.lockText()) as LockFile;
});
after(() => fx?.cleanup());

/** The hook's verdict on a Bash command: the deny reason, or undefined when it lets the command run. */
function hook(command: string): string | undefined {
  const event = { session_id: 's', transcript_path: '/t.jsonl', cwd: fx.project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'x' }, tool_use_id: 'toolu_1' };
  const r = spawnSync(process.execPath, ['--import', TSX, PRE_TOOL_USE_SOURCE], { input: JSON.stringify(event), env: { ...fx.env, CLAUDE_PROJECT_DIR: fx.project }, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  if (!r.stdout.trim()) return undefined;
  const out = JSON.parse(r.stdout) as { hookSpecificOutput: { hookEventName: string; permissionDecision: string; permissionDecisionReason: string } };
  assert.deepEqual([out.hookSpecificOutput.hookEventName, out.hookSpecificOutput.permissionDecision], ['PreToolUse', 'deny']);
  return out.hookSpecificOutput.permissionDecisionReason;
}

const entry = (id: string) => lock.plugins.find((p) => p.id === id)!;

test('minGrade: a plugin the lock grades below the minimum is denied; one at the minimum passes; one never graded is denied', () => {
  const good = entry('benign@acme').grade!;
  assert.equal(entry('unsigned@acme').grade, 'F');
  assert.notEqual(good, 'F', 'the documented plugin grades better than F');
  fx.policy(`trust:\n  minGrade: ${good}\n`);
  assert.match(hook('claude plugin install unsigned@acme') ?? 'allowed', /^trust\.minGrade: unsigned@acme has grade F; the policy requires/);
  assert.equal(hook('claude plugin install benign@acme'), undefined);
  assert.match(hook('claude plugin install signed@acme --scope project') ?? 'allowed', /^trust\.minGrade: .*not been graded/);
});

test('denySeverities: a plugin whose lock entry records a finding of that severity is denied; a clean one passes', () => {
  assert.deepEqual(entry('evil@acme').findings?.filter((f) => f.severity === 'critical'), [{ rule: 'H1-fetch-pipe-exec', severity: 'critical', count: 1 }]);
  assert.deepEqual(entry('benign@acme').findings, []);
  fx.policy('trust:\n  denySeverities: [critical, high]\n');
  assert.match(hook('claude plugin install evil@acme') ?? 'allowed', /^trust\.denySeverities: evil@acme has 1 critical finding \(H1-fetch-pipe-exec\) and 1 high finding \(H8-context-injection\)$/);
  assert.match(hook('cd /tmp && claude plugin update evil@acme') ?? 'allowed', /^trust\.denySeverities: /);
  assert.equal(hook('claude plugin install benign@acme'), undefined);
  assert.match(hook('claude plugin install forged@acme') ?? 'allowed', /^trust\.denySeverities: .*not been analysed/);
});
