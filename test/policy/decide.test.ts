import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../scripts/policy/decide.ts';
import { decideMarketplace } from '../../scripts/policy/decide-marketplace.ts';
import { explain } from '../../scripts/policy/explain.ts';
import { failedPolicy, mergePolicies } from '../../scripts/policy/merge-policies.ts';
import { parsePolicyText } from '../../scripts/io/policy-file.ts';
import { BASE, DECIDE_CASES } from '../fixtures/policy/decide-cases.ts';

const project = (yaml: string) => mergePolicies([{ origin: 'project', path: '/p/plugins.yaml', doc: parsePolicyText(yaml, '/p/plugins.yaml') }]);

for (const [what, yaml, facts, allow, rule] of DECIDE_CASES) {
  test(`decide: ${what}`, () => {
    const d = decide({ ...BASE, ...facts }, project(yaml));
    assert.equal(d.allow, allow, d.reason);
    assert.equal(d.rule, rule);
    assert.ok(d.matched.every((h) => h.rule && h.reason));
  });
}

test('decide: a failed policy denies everything with its own rule', () => {
  const d = decide(BASE, failedPolicy({ code: 'POLICY_PARSE', rule: 'policy.projectUnreadable', reason: 'bad yaml' }));
  assert.deepEqual([d.allow, d.rule], [false, 'policy.projectUnreadable']);
});

test('decide: every matched rule is listed, the first deny decides', () => {
  const d = decide({ ...BASE, id: 'evil@pub', name: 'evil' }, project('plugins: {block: [evil]}\nmarketplaces: {block: [pub]}'));
  assert.equal(d.rule, 'plugins.block');
  assert.deepEqual(d.matched.filter((h) => h.effect === 'deny').map((h) => h.rule), ['plugins.block', 'marketplaces.block']);
});

test('decideMarketplace: blocked host, unknown name under a name rule, allowed source', () => {
  const pol = project('sources: {blockHosts: [evil.example]}\nmarketplaces: {block: [bad-*]}');
  assert.equal(decideMarketplace({ source: { kind: 'url', host: 'evil.example' } }, pol).matched.some((h) => h.rule === 'sources.blockHosts'), true);
  assert.equal(decideMarketplace({ source: { kind: 'github', host: 'github.com' } }, pol).rule, 'marketplaces.unknown');
  assert.equal(decideMarketplace({ name: 'bad-one', source: { kind: 'github', host: 'github.com' } }, pol).rule, 'marketplaces.block');
  assert.equal(decideMarketplace({ name: 'good', source: { kind: 'github', host: 'github.com' } }, pol).allow, true);
  assert.equal(decideMarketplace({ name: 'good', source: { kind: 'npm-ish' } }, project('')).rule, 'sources.unknown');
});

test('explain names the deciding rule, the file and the other rules', () => {
  const e = explain({ ...BASE, alsoIn: ['internal'] }, project('pins: {ok: internal}'));
  assert.equal(e.decision.rule, 'pins');
  assert.match(e.lines[0], /DENIED/);
  assert.ok(e.lines.some((l) => l.includes('/p/plugins.yaml')));
});
