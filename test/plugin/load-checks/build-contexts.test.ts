import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildContexts } from '../../../scripts/plugin/load-checks/build-contexts.ts';
import { testdir } from '../../helpers/testdir.ts';
import { json, market, nodeFs } from './helpers.ts';

test('buildContexts: one context per plugin target, manifest parsed or null', () => {
  const root = testdir({ '.claude-plugin/plugin.json': json({ name: 'p' }) });
  const [ctx] = buildContexts({ kind: 'plugin', file: join(root, '.claude-plugin/plugin.json') }, nodeFs);
  assert.equal(ctx.root, root);
  assert.deepEqual(ctx.manifest, { name: 'p' });
  const broken = testdir({ '.claude-plugin/plugin.json': '{' });
  assert.equal(buildContexts({ kind: 'plugin', file: join(broken, '.claude-plugin/plugin.json') }, nodeFs)[0].manifest, null);
});

test('buildContexts: a marketplace gives a marketplace-wide context plus one per entry', () => {
  let reads = 0;
  const root = testdir(market([
    { name: 'a', source: './a' }, { name: 'b', source: { source: 'github', repo: 'o/r' } }, 'junk', { name: 'c', source: './missing' }, { name: 'd', source: '../up' },
  ], { 'a/.claude-plugin/plugin.json': json({ name: 'a', version: '1.0.0' }) }));
  const contexts = buildContexts({ kind: 'marketplace', file: join(root, '.claude-plugin/marketplace.json') }, nodeFs, () => { reads++; return ['x']; });
  assert.deepEqual(contexts.map((c) => [c.marketplace?.index, c.root === null ? null : c.root.slice(root.length)]), [[null, null], [0, '/a'], [1, null], [3, null], [4, null]]);
  assert.deepEqual(contexts[1].manifest, { name: 'a', version: '1.0.0' });
  assert.equal(reads, 0, 'tags are read lazily');
  contexts[1].marketplace!.tags();
  contexts[2].marketplace!.tags();
  assert.equal(reads, 1, 'and once');
  assert.deepEqual(buildContexts({ kind: 'marketplace', file: join(testdir({ '.claude-plugin/marketplace.json': '[]' }), '.claude-plugin/marketplace.json') }, nodeFs), []);
});
