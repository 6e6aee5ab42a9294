// mp trust and mp scan through the CLI dispatcher (in process, so the test does not depend on dist/):
// exit codes, --json, --sarif validated against the official SARIF 2.1.0 schema, policy violations,
// a real signature made with mp keygen + mp sign, and coded errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../scripts/cli/main.ts';
import { REPO } from '../../helpers/claude.ts';
import { json, testdir } from '../../helpers/testdir.ts';
import { sarifValidator } from '../../helpers/sarif-validator.ts';

const MAL = join(REPO, 'test/fixtures/malicious');

async function mp(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const home = testdir({});
  const env = { HOME: home, MP_MANAGED_SETTINGS_DIR: join(home, 'managed'), CLAUDE_PROJECT_DIR: cwd, PATH: process.env.PATH };
  const code = await main(args, { cwd, env, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

test('mp trust --json: grade, five parts, findings with file:line, improvements; no policy → exit 0', async () => {
  const cwd = testdir({});
  const r = await mp(['trust', join(MAL, 'h1-curl-pipe-sh-hook'), '--json'], cwd);
  assert.equal(r.code, 0, r.err);
  const rep = JSON.parse(r.out);
  assert.equal(rep.grade, 'F');
  assert.equal(rep.cap.grade, 'F');
  assert.deepEqual(Object.keys(rep.parts), ['signed', 'reputation', 'codeAnalysis', 'community', 'freshness']);
  for (const p of Object.values(rep.parts) as Array<{ score: number; evidence: string[] }>) assert.ok(p.score >= 0 && p.score <= 100 && p.evidence.length);
  assert.ok(rep.findings.some((f: { ruleId: string; file: string; line: number }) => f.ruleId === 'H1-fetch-pipe-exec' && f.file === 'hooks/hooks.json' && f.line === 8));
  assert.match(rep.parts.signed.evidence[0], /unsigned/);
  assert.ok(rep.improvements.some((i: { action: string }) => i.action.startsWith('fix H1-fetch-pipe-exec (hooks/hooks.json:8)')));
  const gains = rep.improvements.map((i: { gain: number }) => i.gain);
  assert.deepEqual(gains, [...gains].sort((a: number, b: number) => b - a), 'improvements are sorted by gain');
  const human = await mp(['trust', join(MAL, 'h1-curl-pipe-sh-hook')], cwd);
  assert.match(human.out, /grade F/);
  assert.match(human.out, /CRITICAL H1-fetch-pipe-exec {2}hooks\/hooks\.json:8/);
  assert.match(human.out, /what would raise the grade:/);
});

test('the policy trust section is enforced: minGrade and denySeverities → exit 1', async () => {
  const cwd = testdir({ '.claude/policies/plugins.yaml': 'trust:\n  minGrade: C\n  denySeverities: [critical]\n' });
  const r = await mp(['trust', join(MAL, 'h4-bashrc'), '--json'], cwd);
  assert.equal(r.code, 1, r.err);
  const rep = JSON.parse(r.out);
  assert.equal(rep.ok, false);
  assert.ok(rep.policy.violations.some((v: string) => v.startsWith('trust.minGrade')));
  assert.ok(rep.policy.violations.some((v: string) => v.startsWith('trust.denySeverities')));
  const broken = testdir({ '.claude/policies/plugins.yaml': 'trust: [unclosed\n' });
  const failed = await mp(['trust', join(MAL, 'h4-bashrc'), '--json'], broken);
  assert.equal(failed.code, 1, 'a broken policy fails closed');
});

test('mp trust --sarif and mp scan --sarif are valid SARIF 2.1.0', async () => {
  const validate = sarifValidator();
  const cwd = testdir({});
  for (const args of [['trust', join(MAL, 'h5-ssh-exfil'), '--sarif'], ['scan', join(MAL, 'm3-hidden-unicode-skill'), '--sarif']]) {
    const r = await mp(args, cwd);
    assert.ok(validate(JSON.parse(r.out)), JSON.stringify(validate.errors?.slice(0, 3)));
    const log = JSON.parse(r.out) as { runs: Array<{ results: Array<{ ruleId: string; ruleIndex: number; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }>; tool: { driver: { rules: Array<{ id: string }> } } }> };
    assert.ok(log.runs[0].results.length > 0);
    const res = log.runs[0].results[0];
    assert.equal(log.runs[0].tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
  }
});

test('mp scan exit codes follow --fail-on', async () => {
  const cwd = testdir({});
  assert.equal((await mp(['scan', join(MAL, 'h12-nohup-daemon')], cwd)).code, 0, 'medium only: below the default high');
  assert.equal((await mp(['scan', join(MAL, 'h12-nohup-daemon'), '--fail-on', 'medium'], cwd)).code, 1);
  assert.equal((await mp(['scan', join(MAL, 'h2-bash-c-subst')], cwd)).code, 1);
  assert.equal((await mp(['scan', join(MAL, 'h2-bash-c-subst'), '--fail-on', 'none'], cwd)).code, 0);
  const j = JSON.parse((await mp(['scan', join(REPO, 'test/fixtures/benign/prettier-pinned'), '--json'], cwd)).out);
  assert.equal(j.ok, true);
});

test('a plugin signed with mp sign and trusted with --trusted-key scores Signed 100', async () => {
  const work = testdir({});
  const plugin = join(work, 'p');
  cpSync(join(REPO, 'test/fixtures/benign/stdin-json-script'), plugin, { recursive: true });
  assert.equal((await mp(['keygen', '--out', join(work, 'k')], work)).code, 0);
  assert.equal((await mp(['sign', plugin, '--key', join(work, 'k.key.pem')], work)).code, 0);
  const signed = JSON.parse((await mp(['trust', plugin, '--json', '--trusted-key', join(work, 'k.pub.pem')], work)).out);
  assert.equal(signed.parts.signed.score, 100);
  const untrusted = JSON.parse((await mp(['trust', plugin, '--json'], work)).out);
  assert.equal(untrusted.parts.signed.score, 30, 'signed, but by nobody the policy trusts');
  writeFileSync(join(plugin, 'hooks/guard.sh'), '#!/bin/sh\nexit 0\n');
  const tampered = JSON.parse((await mp(['trust', plugin, '--json', '--trusted-key', join(work, 'k.pub.pem')], work)).out);
  assert.equal(tampered.parts.signed.score, 0);
  assert.match(tampered.parts.signed.evidence[0], /SIGNATURE_TREE_MISMATCH/);
});

test('name@marketplace resolves through Claude Code state; unknown targets are coded errors', async () => {
  const cwd = testdir({});
  const r = await mp(['trust', 'nope@nowhere', '--json'], cwd);
  assert.equal(r.code, 2);
  assert.equal(JSON.parse(r.out).error.code, 'TRUST_TARGET_NOT_FOUND');
  assert.equal((await mp(['trust'], cwd)).code, 2);
  const file = join(cwd, 'f.txt');
  writeFileSync(file, 'x');
  assert.equal(JSON.parse((await mp(['trust', file, '--json'], cwd)).out).error.code, 'TRUST_TARGET_NOT_DIR');
  // A directory marketplace Claude Code knows, with a relative plugin entry.
  const home = testdir({});
  const mkt = testdir({
    '.claude-plugin/marketplace.json': json({ name: 'local-mkt', owner: { name: 'acme' }, plugins: [{ name: 'tool', source: './plugins/tool', homepage: 'https://acme.example' }] }),
    'plugins/tool/.claude-plugin/plugin.json': json({ name: 'tool', author: { name: 'acme' } }),
  });
  mkdirSync(join(home, '.claude/plugins'), { recursive: true });
  writeFileSync(join(home, '.claude/plugins/known_marketplaces.json'), json({ 'local-mkt': { source: { source: 'directory', path: mkt }, installLocation: mkt } }));
  let out = '';
  const code = await main(['trust', 'tool@local-mkt', '--json'], { cwd, env: { HOME: home, MP_MANAGED_SETTINGS_DIR: join(home, 'm'), PATH: process.env.PATH }, stdout: (t) => (out += t), stderr: () => {} });
  assert.equal(code, 0, out);
  const rep = JSON.parse(out);
  assert.equal(rep.plugin.id, 'tool@local-mkt');
  assert.match(rep.parts.community.evidence.join('\n'), /homepage field present/, 'the marketplace entry fills plugin.json');
});
