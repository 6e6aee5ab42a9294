import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeAnalysisPart } from '../../../scripts/trust/score/code-analysis-part.ts';
import { communityPart, validSpdx } from '../../../scripts/trust/score/community-part.ts';
import { freshnessPart, freshnessScore } from '../../../scripts/trust/score/freshness-part.ts';
import { reputationPart, repoOwner } from '../../../scripts/trust/score/reputation-part.ts';
import { signedPart } from '../../../scripts/trust/score/signed-part.ts';
import { DAY, finding, NOW, perfect } from './score-helpers.ts';

test('freshness decay: 100 up to 30 days, linear to 0 at 730', () => {
  const table: Array<[number, number]> = [[0, 100], [30, 100], [60, 96], [90, 91], [180, 79], [365, 52], [540, 27], [729, 0], [730, 0], [5000, 0]];
  for (const [age, points] of table) assert.equal(freshnessScore(age), points, `${age} days`);
  for (let d = 30; d < 730; d += 7) assert.ok(freshnessScore(d) >= freshnessScore(d + 7), 'monotonic');
});

test('freshness: unknown and future dates are neutral 50 and say so', () => {
  const unknown = freshnessPart(null, undefined, NOW, 'not in a git repository');
  assert.equal(unknown.score, 50);
  assert.match(unknown.evidence[0], /could not be computed \(not in a git repository\)/);
  const future = freshnessPart({ commits: [{ sha: 'a'.repeat(40), email: 'x', date: new Date(NOW + 30 * DAY).toISOString() }] }, undefined, NOW);
  assert.equal(future.score, 50);
  assert.match(future.evidence[0], /future/);
  const release = freshnessPart(null, new Date(NOW - 10 * DAY).toISOString(), NOW);
  assert.equal(release.score, 100, 'a release date counts when there is no history');
});

test('signed part by verification state', () => {
  const table: Array<[Parameters<typeof signedPart>[0], number]> = [
    [perfect().signature, 100],
    [{ status: 'untrusted', code: 'SIGNATURE_NO_TRUSTED_KEYS', reason: 'r' }, 30],
    [{ status: 'invalid', code: 'SIGNATURE_TREE_MISMATCH', reason: 'r' }, 0],
    [{ status: 'unsigned' }, 0],
    [{ status: 'unavailable', reason: 'signature verification not available' }, 0],
  ];
  for (const [sig, points] of table) assert.equal(signedPart(sig).score, points, sig.status);
  assert.match(signedPart({ status: 'unavailable', reason: 'engine missing' }).evidence[0], /signature verification not available/);
});

test('reputation: registry standing, publisher, signer', () => {
  const base = perfect();
  const reg = (r: Partial<typeof base.registry>) => reputationPart({ ...base.registry, ...r }, base.manifest, base.signature).score;
  assert.equal(reg({}), 100);
  assert.equal(reg({ priority: 0 }), 90);
  assert.equal(reg({ listed: false, priority: 0 }), 80);
  assert.equal(reg({ blocked: true }), 60);
  assert.equal(reputationPart({ ...base.registry, name: undefined }, base.manifest, base.signature).score, 70);
  assert.equal(reputationPart(base.registry, { name: 'tool' }, { status: 'unsigned' }).score, 40, 'no author, no signer');
  assert.equal(reputationPart(base.registry, { ...base.manifest, authorName: 'someone-else' }, { status: 'verified', signer: { kind: 'key', keyId: 'k' } }).score, 40 + 15 + 20);
  assert.equal(repoOwner('https://github.com/acme/tool.git'), 'acme');
  assert.equal(repoOwner('acme/tool'), 'acme');
  assert.equal(repoOwner('https://example.com/x'), undefined);
});

test('code analysis: one penalty per rule at its worst severity; incomplete analysis caps at 80', () => {
  assert.equal(codeAnalysisPart([], []).score, 100);
  assert.equal(codeAnalysisPart([finding('H6-network-sink', 'medium'), finding('H6-network-sink', 'high', 'x.sh')], []).score, 75);
  assert.equal(codeAnalysisPart([finding('H6-network-sink', 'high'), finding('H11-privilege-destruction', 'high'), finding('H13-dynamic-code', 'high'), finding('M1-unpinned-mcp', 'high'), finding('P2-binaries', 'high')], []).score, 0, 'floored at 0');
  assert.equal(codeAnalysisPart([finding('H3-auto-approve', 'critical')], []).score, 0);
  const capped = codeAnalysisPart([], [{ code: 'FILE_TOO_LARGE', file: 'big.js', message: 'm' }]);
  assert.equal(capped.score, 80);
  assert.match(capped.evidence.join('\n'), /not analysed/);
});

test('community: computable signals only, unknowns named', () => {
  const b = perfect();
  assert.equal(communityPart(b.history, b.manifest, b.files, NOW).score, 100);
  const noGit = communityPart(null, b.manifest, b.files, NOW, 'not in a git repository');
  assert.equal(noGit.score, 100, 'scored over the 50 computable points');
  assert.match(noGit.evidence.join('\n'), /not computed \(not in a git repository\)/);
  const stripped = communityPart(null, { name: 'x', license: 'MIT' }, { licenseFile: 'unknown', readme: 'unknown' }, NOW);
  assert.equal(stripped.score, Math.round((100 * 10) / 30));
  const one = communityPart({ commits: [{ sha: 'a'.repeat(40), email: 'solo@x', date: new Date(NOW - 200 * DAY).toISOString() }] }, b.manifest, b.files, NOW);
  assert.equal(one.score, 10 + 0 + 20 + 10 + 10 + 10);
  assert.equal(communityPart(null, { name: 'x', license: 'not a license' }, { licenseFile: false, readme: false }, NOW).score, 0);
  assert.equal(communityPart(null, { name: 'x' }, { licenseFile: 'unknown', readme: 'unknown' }, NOW).score, 0);
  assert.ok(validSpdx('MIT OR Apache-2.0') && !validSpdx('GNU General Public License v3.0'));
});
