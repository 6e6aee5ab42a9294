import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CRITICAL_CAP, gradePlugin } from '../../../scripts/trust/grade-plugin.ts';
import { gradeFromScore } from '../../../scripts/trust/score/grade-from-score.ts';
import { WEIGHTS } from '../../../scripts/trust/types.ts';
import { finding, perfect } from './score-helpers.ts';

test('the formula: 0.25·Signed + 0.20·Reputation + 0.25·CodeAnalysis + 0.15·Community + 0.15·Freshness', () => {
  assert.deepEqual(WEIGHTS, { signed: 0.25, reputation: 0.2, codeAnalysis: 0.25, community: 0.15, freshness: 0.15 });
  const cases: Array<[string, Parameters<typeof gradePlugin>[0], { signed: number; reputation: number; codeAnalysis: number; community: number; freshness: number }, number, string]> = [
    ['everything perfect', perfect(), { signed: 100, reputation: 100, codeAnalysis: 100, community: 100, freshness: 100 }, 100, 'A'],
    ['unsigned', { ...perfect(), signature: { status: 'unsigned' } }, { signed: 0, reputation: 70, codeAnalysis: 100, community: 100, freshness: 100 }, 69, 'C'],
    ['one high finding', { ...perfect(), findings: [finding('H6-network-sink', 'high')] }, { signed: 100, reputation: 100, codeAnalysis: 75, community: 100, freshness: 100 }, 93.75, 'A'],
    ['a medium and a low finding', { ...perfect(), findings: [finding('H12-detach', 'medium'), finding('S2-pre-execution', 'low')] }, { signed: 100, reputation: 100, codeAnalysis: 87, community: 100, freshness: 100 }, 96.75, 'A'],
    ['the same rule ten times counts once', { ...perfect(), findings: Array.from({ length: 10 }, (_, i) => finding('S1-broad-tools', 'medium', `commands/c${i}.md`)) }, { signed: 100, reputation: 100, codeAnalysis: 90, community: 100, freshness: 100 }, 97.5, 'A'],
    ['untrusted signer, unlisted registry', { ...perfect(), signature: { status: 'untrusted', code: 'SIGNATURE_UNTRUSTED_KEY', reason: 'r' }, registry: { name: 'pub', listed: false, priority: 0, pinned: false, blocked: false, policyFound: true } }, { signed: 30, reputation: 50, codeAnalysis: 100, community: 100, freshness: 100 }, 72.5, 'C'],
  ];
  for (const [name, input, parts, score, grade] of cases) {
    const r = gradePlugin(input);
    assert.deepEqual(Object.fromEntries(Object.entries(r.parts).map(([k, p]) => [k, p.score])), parts, name);
    assert.equal(r.score, score, name);
    assert.equal(r.grade, grade, name);
    for (const p of Object.values(r.parts)) assert.ok(p.evidence.length > 0, `${name}: every part has evidence`);
  }
});

test('grade thresholds: A 90–100, B 80–89, C 60–79, D 40–59, F 0–39', () => {
  const table: Array<[number, string]> = [[100, 'A'], [90, 'A'], [89.99, 'B'], [80, 'B'], [79.99, 'C'], [60, 'C'], [59.99, 'D'], [40, 'D'], [39.99, 'F'], [0, 'F']];
  for (const [s, g] of table) assert.equal(gradeFromScore(s), g, String(s));
});

test('a critical finding caps the grade at F and keeps the raw score', () => {
  const r = gradePlugin({ ...perfect(), findings: [finding('H1-fetch-pipe-exec', 'critical')] });
  assert.equal(r.parts.codeAnalysis.score, 0);
  assert.equal(r.rawScore, 75);
  assert.equal(r.score, CRITICAL_CAP);
  assert.equal(r.grade, 'F');
  assert.equal(r.cap?.grade, 'F');
  assert.match(r.cap!.reason, /H1-fetch-pipe-exec/);
  const noCap = gradePlugin({ ...perfect(), findings: [finding('H6-network-sink', 'high'), finding('H5-secret-read', 'high'), finding('H13-dynamic-code', 'high')] });
  assert.equal(noCap.cap, null, 'high findings do not cap');
});

test('deterministic: the same input gives the same output', () => {
  const input = { ...perfect(), findings: [finding('M1-unpinned-mcp', 'high'), finding('H7-broad-matcher', 'medium')] };
  assert.deepEqual(gradePlugin(input), gradePlugin(structuredClone(input)));
});
