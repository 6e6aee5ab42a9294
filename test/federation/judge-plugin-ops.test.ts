// judgePluginOps (what the PreToolUse hook decides): the trust section judged on what plugin-lock.json
// records for the plugin — its grade, its signer and its findings (counted per rule in the lock).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgePluginOps, type JudgeContext } from '../../scripts/federation/judge-plugin-ops.ts';
import type { LockEntry } from '../../scripts/lock/types.ts';
import { mergePolicies } from '../../scripts/policy/merge-policies.ts';
import { parsePluginCommands } from '../../scripts/policy/parse-plugin-commands.ts';
import type { PolicyDoc } from '../../scripts/policy/types.ts';
import { federation, plugin, registry } from '../fixtures/federation/federation.ts';

const mkt = registry('mkt', 0, [plugin('evil'), plugin('clean'), plugin('low'), plugin('new')]);

function judge(command: string, doc: PolicyDoc, lock?: Record<string, Pick<LockEntry, 'grade' | 'signer' | 'findings'>>) {
  const ctx: JudgeContext = {
    policy: mergePolicies([{ origin: 'project', path: '/p/plugins.yaml', doc }]),
    federation: federation([mkt]),
    parseSource: () => ({ ok: false, code: 'REGISTRY_SOURCE_INVALID', message: 'not used' }),
    marketplaceNameOf: () => undefined,
    ...(lock ? { lock: new Map(Object.entries(lock)) } : {}),
  };
  const [v] = judgePluginOps(parsePluginCommands(command), ctx);
  return v.decision;
}

const LOCK: Record<string, Pick<LockEntry, 'grade' | 'signer' | 'findings'>> = {
  'evil@mkt': { grade: 'F', findings: [{ rule: 'H1-fetch-pipe-exec', severity: 'critical', count: 1 }, { rule: 'H6-network-sink', severity: 'medium', count: 2 }] },
  'clean@mkt': { grade: 'B', findings: [{ rule: 'H6-network-sink', severity: 'medium', count: 1 }] },
  'low@mkt': { grade: 'D', findings: [] },
};

test('denySeverities: a lock entry with a finding of a denied severity is denied, naming the rule', () => {
  const d = judge('claude plugin install evil@mkt', { trust: { denySeverities: ['critical', 'high'] } }, LOCK);
  assert.deepEqual([d.allow, d.rule], [false, 'trust.denySeverities']);
  assert.match(d.reason, /critical.*H1-fetch-pipe-exec/);
});

test('denySeverities: the lock\'s findings of other severities (or none) allow', () => {
  for (const id of ['clean', 'low']) {
    const d = judge(`claude plugin install ${id}@mkt`, { trust: { denySeverities: ['critical', 'high'] } }, LOCK);
    assert.equal(d.allow, true, `${id}: ${d.reason}`);
  }
  // The same medium findings are denied once the policy names their severity.
  assert.equal(judge('claude plugin install clean@mkt', { trust: { denySeverities: ['medium'] } }, LOCK).allow, false);
});

test('denySeverities: a plugin the lock never analysed (or no lock at all) is denied: unknown is denied', () => {
  assert.equal(judge('claude plugin install new@mkt', { trust: { denySeverities: ['critical'] } }, LOCK).rule, 'trust.denySeverities');
  assert.equal(judge('claude plugin install clean@mkt', { trust: { denySeverities: ['critical'] } }).rule, 'trust.denySeverities');
});

test('minGrade: judged on the lock\'s grade', () => {
  const policy: PolicyDoc = { trust: { minGrade: 'C' } };
  assert.deepEqual([judge('claude plugin install low@mkt', policy, LOCK).allow, judge('claude plugin install low@mkt', policy, LOCK).rule], [false, 'trust.minGrade']);
  assert.equal(judge('claude plugin install clean@mkt', policy, LOCK).allow, true);
  assert.equal(judge('claude plugin update evil@mkt', policy, LOCK).rule, 'trust.minGrade');
  assert.equal(judge('claude plugin install new@mkt', policy, LOCK).rule, 'trust.minGrade');
});
