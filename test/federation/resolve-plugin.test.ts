import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePlugin } from '../../scripts/federation/resolve-plugin.ts';
import { shadowingReport } from '../../scripts/federation/shadowing-report.ts';
import { mergePolicies, emptyPolicy } from '../../scripts/policy/merge-policies.ts';
import type { PolicyDoc } from '../../scripts/policy/types.ts';
import { federation, plugin, registry } from '../fixtures/federation/federation.ts';

const policy = (doc: PolicyDoc) => mergePolicies([{ origin: 'project', path: '/p.yaml', doc }]);
const internal = registry('internal', 100, [plugin('corp-auth'), plugin('lint')], { source: 'git', url: 'https://git.corp.example/plugins.git' });
const publicReg = registry('public', 0, [plugin('corp-auth', { description: 'typosquat' }), plugin('lint'), plugin('fmt')]);

test('a name resolves to the highest-priority registry; lower copies are reported as shadowed', () => {
  const r = resolvePlugin('lint', federation([publicReg, internal]), policy({ shadowing: 'highest' }));
  assert.equal(r.chosen?.registry.spec.name, 'internal');
  assert.deepEqual(r.shadowed.map((c) => c.registry.spec.name), ['public']);
  assert.equal(r.decision.allow, true);
  assert.deepEqual(r.facts.alsoIn, ['public']);
});

test('unpinned shadowing is denied by default', () => {
  const r = resolvePlugin('lint', federation([publicReg, internal]), emptyPolicy());
  assert.equal(r.decision.rule, 'shadowing');
});

test('a pinned name resolves only in its registry, even below a public one', () => {
  const higherPublic = registry('public', 1000, publicReg.plugins);
  const r = resolvePlugin('corp-auth', federation([higherPublic, internal]), policy({ pins: { 'corp-*': 'internal' } }));
  assert.equal(r.chosen?.registry.spec.name, 'internal');
  assert.equal(r.decision.allow, true);
  assert.equal(r.pinnedTo, 'internal');
});

test('dependency confusion: the pinned registry is unreachable or lacks the plugin → nothing, never the public copy', () => {
  const fail = [{ name: 'internal', source: internal.spec.source, code: 'REGISTRY_UNREACHABLE', message: 'down' }];
  const down = resolvePlugin('corp-auth', federation([publicReg], fail), policy({ pins: { 'corp-*': 'internal' }, onUnreachable: 'skip' }));
  assert.equal(down.chosen, null);
  assert.deepEqual([down.decision.allow, down.decision.rule], [false, 'pins']);
  const lacking = resolvePlugin('corp-new', federation([registry('public', 0, [plugin('corp-new')]), internal]), policy({ pins: { 'corp-*': 'internal' } }));
  assert.equal(lacking.chosen, null);
  assert.equal(lacking.decision.rule, 'pins');
  const explicit = resolvePlugin('corp-auth@public', federation([publicReg, internal]), policy({ pins: { 'corp-*': 'internal' } }));
  assert.equal(explicit.chosen?.registry.spec.name, 'public');
  assert.equal(explicit.decision.rule, 'pins');
});

test('an unreachable registry makes an unpinned resolution unsure: denied unless onUnreachable: skip', () => {
  const fail = [{ name: 'internal', source: internal.spec.source, code: 'REGISTRY_UNREACHABLE', message: 'down' }];
  assert.equal(resolvePlugin('fmt', federation([publicReg], fail), emptyPolicy()).decision.rule, 'onUnreachable');
  assert.equal(resolvePlugin('fmt', federation([publicReg], fail), policy({ onUnreachable: 'skip' })).decision.allow, true);
});

test('unknown names and registries are denied', () => {
  assert.equal(resolvePlugin('nope', federation([publicReg]), emptyPolicy()).decision.rule, 'registries.unknown');
  assert.equal(resolvePlugin('fmt@elsewhere', federation([publicReg]), emptyPolicy()).decision.rule, 'registries.unknown');
});

test('shadowing report lists every name offered twice, with the winner', () => {
  const rep = shadowingReport(federation([publicReg, internal]), policy({ pins: { 'corp-*': 'internal' } }));
  assert.deepEqual(rep.map((e) => [e.name, e.winner, e.shadowed, e.pinnedTo]), [['corp-auth', 'internal', ['public'], 'internal'], ['lint', 'internal', ['public'], null]]);
});
