import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../scripts/federation/search-index.ts';
import { benchSearch } from '../../scripts/federation/bench-search.ts';
import { cmd, federation, plugin, registry } from '../fixtures/federation/federation.ts';

const fed = federation([
  registry('internal', 10, [
    plugin('k8s-deploy', { description: 'Deploy services to Kubernetes clusters', category: 'devops', keywords: ['helm', 'kubectl'], components: [cmd('k8s-deploy', 'rollout', 'Roll out a release gradually')] }),
    plugin('commit-helper', { description: 'Write conventional commit messages', category: 'git', keywords: ['commits'] }),
    plugin('security-scan', { description: 'Scan dependencies for vulnerabilities', category: 'security', components: [{ kind: 'skill', id: 'security-scan:sbom', name: 'sbom', description: 'Produce a software bill of materials' }] }),
  ]),
  registry('public', 0, [
    plugin('k8s-deploy', { description: 'Community Kubernetes deploys', category: 'devops' }),
    plugin('docs-writer', { description: 'Draft documentation from code; mentions deploy once', category: 'documentation' }),
  ]),
]);
const index = SearchIndex.fromFederation(fed);
const ids = (q: string, o = {}) => index.search(q, o).map((h) => h.id);

test('name matches rank above description matches (name boost ×3)', () => {
  assert.deepEqual(ids('deploy').slice(0, 2), ['k8s-deploy@internal', 'k8s-deploy@public']);
  assert.equal(ids('deploy').at(-1), 'docs-writer@public');
});

test('the lower-priority same-name copy is marked shadowed and ranks below the copy that wins', () => {
  const hits = index.search('k8s-deploy').filter((h) => h.name === 'k8s-deploy');
  assert.deepEqual(hits.map((h) => [h.id, h.shadowed]), [['k8s-deploy@internal', false], ['k8s-deploy@public', true]]);
});

test('typo tolerance: one edit for words of 4+ letters, none for shorter ones', () => {
  assert.equal(ids('kubernets')[0], 'k8s-deploy@internal');
  assert.equal(ids('vulnerabilites')[0], 'security-scan@internal');
  assert.deepEqual(ids('hlm'), []); // 3 letters: no fuzzy (and not a prefix of helm)
  assert.deepEqual(ids('kubernxtxs'), []); // two edits
});

test('prefix search and hyphenated names (whole and split)', () => {
  assert.equal(ids('kube')[0], 'k8s-deploy@internal');
  assert.equal(ids('commit-helper')[0], 'commit-helper@internal');
  assert.equal(ids('helper')[0], 'commit-helper@internal');
  assert.equal(ids('secur')[0], 'security-scan@internal');
});

test('component names and descriptions are searched', () => {
  assert.deepEqual(ids('rollout'), ['k8s-deploy@internal']);
  assert.deepEqual(ids('materials'), ['security-scan@internal']);
  assert.deepEqual(ids('sbom'), ['security-scan@internal']);
});

test('keywords and category are searched and category/registry filter', () => {
  assert.equal(ids('kubectl')[0], 'k8s-deploy@internal');
  assert.deepEqual(ids('deploy', { registry: 'public' }), ['k8s-deploy@public', 'docs-writer@public']);
  assert.deepEqual(ids('deploy', { category: 'Documentation' }), ['docs-writer@public']);
  assert.deepEqual(ids('deploy', { limit: 1 }), ['k8s-deploy@internal']);
});

test('benchSearch measures a generated federation and finds what it looks for', () => {
  let t = 0;
  const r = benchSearch({ n: 500, registries: 5, queries: 40, now: () => (t += 1) });
  assert.equal(r.n, 500);
  assert.equal(r.registries, 5);
  for (const k of ['exact', 'prefix', 'typo', 'filtered', 'broad'] as const) assert.ok(r[k].recallAt10 >= 0.9, `${k} recall ${r[k].recallAt10}`);
});
