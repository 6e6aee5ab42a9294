// mp policy check / explain against Claude Code's real state: plugins installed by the real claude CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runClaude, runMp, tempHome } from '../../helpers/claude.ts';
import { marketplaceTree } from '../../helpers/registries.ts';
import { testdir } from '../../helpers/testdir.ts';

test('policy check and explain over plugins the real claude CLI installed', { timeout: 600_000 }, () => {
  const home = tempHome();
  const project = testdir({});
  const mkt = marketplaceTree('team-mkt', [
    { name: 'good', description: 'fine', commands: { go: 'Go' } },
    { name: 'evil-x', description: 'blocked' },
    { name: 'dup-a', manifestName: 'dup', commands: { deploy: 'Deploy A' } },
    { name: 'dup-b', manifestName: 'dup', commands: { deploy: 'Deploy B' } },
    { name: 'helper', commands: { help: 'Shadows the built-in /help' } },
  ]);
  const claude = (...args: string[]) => {
    const r = runClaude(args, { home, cwd: project });
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
  };
  claude('plugin', 'marketplace', 'add', mkt);
  for (const p of ['good', 'evil-x', 'dup-a', 'dup-b', 'helper']) claude('plugin', 'install', `${p}@team-mkt`, '--scope', 'project');
  mkdirSync(join(project, '.claude/policies'), { recursive: true });
  writeFileSync(join(project, '.claude/policies/plugins.yaml'), 'plugins: {block: ["evil-*"]}\n');
  const env = { HOME: home, XDG_CACHE_HOME: join(home, '.cache'), MP_MANAGED_SETTINGS_DIR: join(home, 'managed'), CLAUDE_PROJECT_DIR: '', MP_ORG_POLICY: '', CLAUDE_PLUGIN_DATA: '' };
  const mp = (...args: string[]) => runMp(args, { cwd: project, env, timeoutMs: 60_000 });

  const check = mp('policy', 'check', '--json');
  assert.equal(check.code, 1, check.stdout + check.stderr);
  const report = JSON.parse(check.stdout);
  const verdicts = Object.fromEntries(report.plugins.map((p: { id: string; decision: { allow: boolean; rule: string } }) => [p.id, p.decision.allow ? 'allowed' : p.decision.rule]));
  assert.deepEqual(verdicts, { 'dup-a@team-mkt': 'allowed', 'dup-b@team-mkt': 'allowed', 'evil-x@team-mkt': 'plugins.block', 'good@team-mkt': 'allowed', 'helper@team-mkt': 'allowed' });
  assert.ok(report.plugins.every((p: { installed: boolean; enabledIn: string[] }) => p.installed && p.enabledIn.includes('project')));
  assert.deepEqual(report.collisions.map((c: { type: string; id: string; plugins: string[] }) => [c.type, c.id, c.plugins]), [
    ['duplicate-id', 'dup:deploy', ['dup-a@team-mkt', 'dup-b@team-mkt']],
    ['builtin', 'helper:help', ['helper@team-mkt']],
  ]);
  assert.deepEqual(report.registries.map((r: { name: string; decision: { allow: boolean } }) => [r.name, r.decision.allow]), [['team-mkt', true]]);

  const human = mp('policy');
  assert.equal(human.code, 1);
  assert.match(human.stdout, /✘ evil-x@team-mkt/);
  assert.match(human.stdout, /plugins\.block: evil-x@team-mkt matches blocked pattern "evil-\*"/);

  const ok = mp('policy', 'explain', 'good@team-mkt', '--json');
  assert.deepEqual([ok.code, JSON.parse(ok.stdout).decision.rule], [0, 'allowed']);
  const denied = mp('policy', 'explain', 'evil-x');
  assert.equal(denied.code, 1);
  assert.match(denied.stdout, /^evil-x@team-mkt: DENIED\n {2}decided by plugins\.block/);

  writeFileSync(join(project, '.claude/policies/plugins.yaml'), 'plugins: {allow: ["*"]}\nshadowing: allow\n');
  assert.equal(mp('policy', 'check', '--json').code, 1); // the collision alone still fails the check
  const orgMissing = runMp(['policy', 'check', '--json'], { cwd: project, env: { ...env, MP_ORG_POLICY: join(project, 'no-such-org.yaml') } });
  assert.equal(orgMissing.code, 1);
  assert.equal(JSON.parse(orgMissing.stdout).policyFailure.code, 'ORG_POLICY_MISSING');
  assert.ok(JSON.parse(orgMissing.stdout).plugins.every((p: { decision: { allow: boolean; rule: string } }) => !p.decision.allow && p.decision.rule === 'policy.orgMissing'));
});
