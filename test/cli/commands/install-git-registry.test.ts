// A new user's path with a git registry Claude Code cannot add by URL (file://): mp registry add, then
// mp install without any claude marketplace add first. The lock must record the registry's real git
// source (not mp's cache checkout), so that in a fresh HOME mp install --frozen refetches the locked
// commit after upstream moved on, and mp verify (fetching the registry it has not cached) passes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeTreeDigest } from '../../../scripts/integrity/tree-digest.ts';
import { nodeTreeFs } from '../../../scripts/io/node-tree-fs.ts';
import type { LockFile } from '../../../scripts/lock/types.ts';
import { commitAll } from '../../helpers/registries.ts';
import { installedPlugins, mustOk, projectFixture, type Fixture } from '../../lock/project-fixture.ts';

let fx: Fixture;
before(() => {
  fx = projectFixture();
});
after(() => fx?.cleanup());

test('mp registry add file://… then mp install: Claude Code gets the registry, the lock its git source', () => {
  mustOk(fx.mp(['registry', 'add', `file://${fx.registry}`]), 'registry add');
  const r = fx.mp(['install', 'hello', '--json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout) as { installed: Array<{ id: string; addedMarketplace?: string }> };
  assert.deepEqual(out.installed.map((i) => [i.id, i.addedMarketplace]), [['hello@acme', 'acme']]);
  const lock = JSON.parse(readFileSync(join(fx.project, 'plugin-lock.json'), 'utf8')) as LockFile;
  const hello = lock.plugins.find((p) => p.id === 'hello@acme')!;
  assert.deepEqual(hello.registry, { name: 'acme', source: { source: 'git', url: `file://${fx.registry}` } });
  assert.equal(hello.source.url, `file://${fx.registry}`);
  assert.match(hello.source.commit ?? '', /^[0-9a-f]{40}$/);
});

test('upstream moves on; a fresh HOME gets the locked trees with mp install --frozen, and mp verify passes', () => {
  const lock = JSON.parse(readFileSync(join(fx.project, 'plugin-lock.json'), 'utf8')) as LockFile;
  appendFileSync(join(fx.registry, 'plugins/hello/commands/hi.md'), 'A newer hello.\n');
  commitAll(fx.registry, 'acme 2');
  const fresh = fx.freshHome();
  const frozen = fx.mp(['install', '--frozen'], { home: fresh.home });
  assert.equal(frozen.code, 0, frozen.stdout + frozen.stderr);
  const installs = installedPlugins(fresh.home);
  for (const p of lock.plugins) assert.equal(computeTreeDigest(installs[p.id][0].installPath, nodeTreeFs).integrity, p.integrity, p.id);
  const verify = fx.mp(['verify', '--json'], { home: fresh.home });
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  // Offline, with the registry now cached by that verify, the answer is the same.
  assert.equal(fx.mp(['verify', '--offline'], { home: fresh.home }).code, 0);
});
