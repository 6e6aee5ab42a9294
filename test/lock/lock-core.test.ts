import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredDependencies } from '../../scripts/lock/declared-dependencies.ts';
import { lockSource } from '../../scripts/lock/lock-source.ts';
import { buildLockEntry } from '../../scripts/lock/build-lock-entry.ts';
import { mergeLock } from '../../scripts/lock/merge-lock.ts';
import { installOrder } from '../../scripts/lock/install-order.ts';
import { frozenMarketplace } from '../../scripts/lock/frozen-marketplace.ts';
import { marketplaceAddArg } from '../../scripts/lock/marketplace-add-arg.ts';
import type { ObservedPlugin } from '../../scripts/lock/observed.ts';
import { COMMIT, entry, SHA } from './entries.ts';

test("declared dependencies follow Claude Code's format (spec §1.5)", () => {
  assert.deepEqual(declaredDependencies([
    'base', 'other@mk2', 'lib@^1.0.0', { name: 'ranged', version: '~2.1.0' }, { name: 'x', marketplace: 'mk3', version: '*' },
    { name: 'bad name' }, 42, '@scope/x', 'base',
  ], 'acme'), [
    { id: 'base@acme' }, { id: 'other@mk2' }, { id: 'lib@acme' }, { id: 'ranged@acme', range: '~2.1.0' }, { id: 'x@mk3' },
  ]);
  assert.deepEqual(declaredDependencies(undefined, 'acme'), []);
});

const observed = (over: Partial<ObservedPlugin>): ObservedPlugin => ({
  id: 'hello@acme', name: 'hello', marketplace: 'acme', enabledScope: 'project',
  installation: { scope: 'project', installPath: '/c/hello/1.0.0', version: '1.0.0', gitCommitSha: COMMIT },
  registry: { name: 'acme', source: { source: 'directory', path: '/r/mkt' }, repoUrl: 'file:///r', repoPrefix: 'mkt' },
  entrySource: './plugins/hello/',
  ...over,
});

test('lockSource records where the files came from, with the resolved commit', () => {
  assert.deepEqual(lockSource(observed({})), { kind: 'relative', url: 'file:///r', path: 'mkt/plugins/hello', commit: COMMIT });
  assert.deepEqual(lockSource(observed({ registry: { name: 'acme', source: { source: 'directory', path: '/x' } } })), { kind: 'relative', path: 'plugins/hello' });
  assert.deepEqual(lockSource(observed({ entrySource: { source: 'git-subdir', url: 'https://h/r.git', path: 'p', ref: 'main' } })), { kind: 'git-subdir', url: 'https://h/r.git', path: 'p', ref: 'main', commit: COMMIT });
  assert.deepEqual(lockSource(observed({ entrySource: { source: 'github', repo: 'o/r' }, installation: { scope: 'user', installPath: '/c', gitCommitSha: 'not-a-sha' } })), { kind: 'github', repo: 'o/r' });
  assert.deepEqual(lockSource(observed({ entrySource: { source: 'npm', package: '@s/p' }, installation: { scope: 'user', installPath: '/c', version: '2.0.1' } })), { kind: 'npm', package: '@s/p', packageVersion: '2.0.1' });
  assert.deepEqual(lockSource(observed({ entrySource: { source: 'pip' } })), { kind: 'unknown' });
});

test('buildLockEntry: version from resolvedVersion, dependencies with their resolved versions; coded errors', () => {
  const e = buildLockEntry(observed({
    installation: { scope: 'project', installPath: '/c', version: '1.2.0-a5f7db5281fa', resolvedVersion: '1.2.0', gitCommitSha: COMMIT },
    manifest: { dependencies: [{ name: 'lib', version: '^1.0.0' }, 'gone'] },
    tree: { integrity: 'sha256-x', algorithm: 'mp1', entries: [{ path: 'a', type: 'x', sha256: SHA('1') }] },
  }), new Map([['lib@acme', '1.3.0']]), 'project');
  assert.equal(e.version, '1.2.0');
  assert.deepEqual(e.dependencies, [{ id: 'lib@acme', range: '^1.0.0', version: '1.3.0' }, { id: 'gone@acme' }]);
  assert.deepEqual(e.files, { a: `x ${SHA('1')}` });
  assert.throws(() => buildLockEntry(observed({ installation: undefined }), new Map(), 'project'), { code: 'LOCK_NOT_INSTALLED' });
  assert.throws(() => buildLockEntry(observed({ treeError: { code: 'TREE_SYMLINK_ESCAPES', message: 'm' } }), new Map(), 'project'), { code: 'TREE_SYMLINK_ESCAPES' });
});

test('mergeLock keeps what another writer added, and carries trust facts while the tree is unchanged', () => {
  const current = { lockfileVersion: 1 as const, plugins: [entry('a@m', { grade: 'A' }), entry('b@m', { grade: 'C' }), entry('gone@m')] };
  const merged = mergeLock(current, [entry('a@m'), { ...entry('b@m'), integrity: 'sha256-other' }, entry('c@m')], (id) => id !== 'gone@m');
  assert.deepEqual(merged.plugins.map((p) => [p.id, p.grade]), [['a@m', 'A'], ['b@m', undefined], ['c@m', undefined]]);
});

test('installOrder puts dependencies first, also across chains, and survives cycles', () => {
  const order = installOrder([
    entry('app@m', { dependencies: [{ id: 'mid@m' }, { id: 'elsewhere@x' }] }),
    entry('mid@m', { dependencies: [{ id: 'base@m' }] }),
    entry('base@m'),
    entry('solo@m'),
  ]).map((e) => e.id);
  assert.deepEqual(order, ['base@m', 'mid@m', 'app@m', 'solo@m']);
  assert.equal(installOrder([entry('a@m', { dependencies: [{ id: 'b@m' }] }), entry('b@m', { dependencies: [{ id: 'a@m' }] })]).length, 2);
});

test('the frozen marketplace pins each locked plugin to its commit with Claude Code source kinds', () => {
  const f = frozenMarketplace('acme', [
    entry('rel@acme'),
    entry('root@acme', { source: { kind: 'relative', url: 'file:///r', path: '.', commit: COMMIT } }),
    entry('gh@acme', { source: { kind: 'github', repo: 'o/r', ref: 'main', commit: COMMIT } }),
    entry('u@acme', { source: { kind: 'url', url: 'https://h/r.git', commit: COMMIT } }),
    entry('np@acme', { source: { kind: 'npm', package: 'pkg', packageVersion: '1.2.3' } }),
    entry('dir@acme', { source: { kind: 'relative', path: 'plugins/dir' } }),
  ]);
  assert.equal(f.manifest.name, 'acme');
  const sources = Object.fromEntries((f.manifest.plugins as Array<{ name: string; source: unknown }>).map((p) => [p.name, p.source]));
  assert.deepEqual(sources, {
    gh: { source: 'github', repo: 'o/r', sha: COMMIT },
    np: { source: 'npm', package: 'pkg', version: '1.2.3' },
    rel: { source: 'git-subdir', url: 'file:///r', path: 'plugins/rel', sha: COMMIT },
    root: { source: 'url', url: 'file:///r', sha: COMMIT },
    u: { source: 'url', url: 'https://h/r.git', sha: COMMIT },
  });
  assert.deepEqual(f.unpinnable, ['dir@acme']);
});

test('marketplaceAddArg gives only forms `claude plugin marketplace add` accepts', () => {
  assert.equal(marketplaceAddArg({ source: 'directory', path: '/abs/mkt' }), '/abs/mkt');
  assert.equal(marketplaceAddArg({ source: 'github', repo: 'o/r', ref: 'v1' }), 'o/r#v1');
  assert.equal(marketplaceAddArg({ source: 'git', url: 'https://h/r.git' }), 'https://h/r.git');
  assert.equal(marketplaceAddArg({ source: 'git', url: 'git@h:o/r.git', ref: 'main' }), 'git@h:o/r.git#main');
  assert.equal(marketplaceAddArg({ source: 'git', url: 'file:///tmp/r' }), null);
  assert.equal(marketplaceAddArg({ source: 'git', url: 'https://h/r.git', path: 'sub/.claude-plugin/marketplace.json' }), null);
  assert.equal(marketplaceAddArg({ source: 'npm', package: 'x' }), null);
});

test('credentials in sources never reach the lock file', () => {
  const e = buildLockEntry(observed({
    registry: { name: 'acme', source: { source: 'url', url: 'https://bot:s3cret@example.com/m.json', headers: { Authorization: 'Bearer tok' } } },
    entrySource: { source: 'url', url: 'https://x-access-token:ghp_abc@github.com/o/r.git' },
    tree: { integrity: 'sha256-x', algorithm: 'mp1', entries: [] },
  }), new Map(), 'project');
  const text = JSON.stringify(e);
  for (const secret of ['s3cret', 'Bearer', 'ghp_abc', 'headers']) assert.ok(!text.includes(secret), secret);
  assert.equal(e.registry.source?.url, 'https://example.com/m.json');
  assert.equal(e.source.url, 'https://github.com/o/r.git');
});
