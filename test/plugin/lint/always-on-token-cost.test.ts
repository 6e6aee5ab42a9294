import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alwaysOnTokenCost, RULE, PLUGIN_ALWAYS_ON_BUDGET } from '../../../scripts/plugin/lint/always-on-token-cost.ts';
import { testdir } from '../../helpers/testdir.ts';
import { runClaude, tempHome } from '../../helpers/claude.ts';
import { check, contextsOf, json, runTable } from '../load-checks/helpers.ts';

const HELLO = {
  '.claude-plugin/plugin.json': json({ name: 'hello', version: '1.0.0', description: 'Hello plugin' }),
  'commands/greet.md': '---\ndescription: Greet the user warmly\n---\nSay hello to $ARGUMENTS\n',
  'skills/hi/SKILL.md': '---\nname: hi\ndescription: Say hi. Use when the user greets you.\nwhen_to_use: On any greeting.\n---\nHi there\n',
  'agents/reviewer.md': '---\nname: reviewer\ndescription: Reviews code for bugs\n---\nYou review code.\n',
  'commands/untitled.md': '# Deploy the app\n\nSteps…\n',
};

test('alwaysOnTokenCost', () => runTable(alwaysOnTokenCost, RULE, [
  { name: 'one note per component plus the total', spec: HELLO, expect: ['note', 'note', 'note', 'note', 'note'] },
  { name: 'over budget', spec: { '.claude-plugin/plugin.json': json({ name: 'big' }), ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`skills/s${i}/SKILL.md`, `---\ndescription: Use when ${'x'.repeat(400)}\n---\n`])) }, expect: [...Array(12).fill('note'), 'warning'] },
  { name: 'no components', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }) }, expect: [] },
]));

test('alwaysOnTokenCost uses plugin:<name> for skills/commands, the body line as fallback, round(chars/4)', () => {
  const got = check(alwaysOnTokenCost, HELLO);
  const greet = 'hello:greet Greet the user warmly';
  const untitled = 'hello:untitled Deploy the app';
  assert.match(got.find((f) => f.file.endsWith('greet.md'))!.message, new RegExp(`~${Math.round(greet.length / 4)} tokens .*${greet.length} characters`));
  assert.match(got.find((f) => f.file.endsWith('untitled.md'))!.message, new RegExp(`${untitled.length} characters`));
  assert.ok(PLUGIN_ALWAYS_ON_BUDGET > 0);
});

test('alwaysOnTokenCost total equals `claude plugin details` (offline estimate) on the same plugin', { timeout: 120_000 }, () => {
  const root = testdir(HELLO);
  const home = tempHome();
  const out = runClaude(['--plugin-dir', root, 'plugin', 'details', 'hello'], { home, cwd: home, timeoutMs: 90_000 }).stdout;
  const claude = Number(/Always-on:\s+~([\d,]+) tok/.exec(out)?.[1]?.replace(/,/g, ''));
  assert.ok(Number.isFinite(claude) && claude > 0, out);
  const total = contextsOf(root).flatMap(alwaysOnTokenCost).find((f) => f.file.endsWith('plugin.json'))!;
  assert.match(total.message, new RegExp(`adds ~${claude} tokens`));
});
