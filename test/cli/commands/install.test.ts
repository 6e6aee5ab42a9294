// mp install through the real Claude Code, and the pinning guarantee of mp install --frozen: lock, let the
// registry move on (new commit, new dependency tag), then in a fresh HOME install exactly the locked trees.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeTreeDigest } from '../../../scripts/integrity/tree-digest.ts';
import { nodeTreeFs } from '../../../scripts/io/node-tree-fs.ts';
import type { LockFile } from '../../../scripts/lock/types.ts';
import { commitAll, git } from '../../helpers/registries.ts';
import { installedPlugins, mustOk, projectFixture, type Fixture } from '../../lock/project-fixture.ts';

let fx: Fixture;
let lock: LockFile;
const lockPath = () => join(fx.project, 'plugin-lock.json');
const digestOf = (dir: string) => computeTreeDigest(dir, nodeTreeFs).integrity;

before(() => {
  fx = projectFixture();
  mustOk(fx.claude(['plugin', 'marketplace', 'add', fx.registry]), 'marketplace add');
});
after(() => fx?.cleanup());

test('mp install resolves through the federation, installs with Claude Code (project scope) and locks it with its dependency', () => {
  const r = fx.mp(['install', 'hello', '--json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout) as { installed: Array<{ query: string; id: string }>; locked: string[] };
  assert.deepEqual(out.installed.map((i) => [i.query, i.id]), [['hello', 'hello@acme']]);
  assert.deepEqual(out.locked.sort(), ['hello@acme', 'lib@acme']);
  const settings = JSON.parse(readFileSync(join(fx.project, '.claude/settings.json'), 'utf8')) as { enabledPlugins: Record<string, boolean> };
  assert.deepEqual(settings.enabledPlugins, { 'hello@acme': true, 'lib@acme': true });
  lock = JSON.parse(readFileSync(lockPath(), 'utf8')) as LockFile;
  const installs = installedPlugins(fx.home);
  for (const p of lock.plugins) assert.equal(p.integrity, digestOf(installs[p.id][0].installPath), p.id);
  assert.deepEqual(lock.plugins.find((p) => p.id === 'hello@acme')!.dependencies, [{ id: 'lib@acme', range: '^1.0.0', version: '1.2.0' }]);
});

test('mp install of a name no registry offers fails with PLUGIN_NOT_FOUND and changes nothing', () => {
  const before = readFileSync(lockPath(), 'utf8');
  const r = fx.mp(['install', 'nope@acme', '--json']);
  assert.equal(r.code, 1);
  assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'PLUGIN_NOT_FOUND');
  assert.equal(readFileSync(lockPath(), 'utf8'), before);
});

test('mp install --frozen in a fresh HOME installs the locked trees after upstream moved on', (t) => {
  // Upstream moves on: hello and lib change, and a newer lib tag would satisfy hello's ^1.0.0.
  appendFileSync(join(fx.registry, 'plugins/hello/commands/hi.md'), 'A newer hello.\n');
  writeFileSync(join(fx.registry, 'plugins/lib/.claude-plugin/plugin.json'), JSON.stringify({ name: 'lib', version: '1.3.0', description: 'lib' }) + '\n');
  const upstream = commitAll(fx.registry, 'acme 2');
  git(fx.registry, 'tag', 'lib--v1.3.0');
  t.diagnostic(`upstream moved to ${upstream.slice(0, 12)}; locked ${lock.plugins[0].source.commit?.slice(0, 12)}`);

  // Control: a plain install from the moved registry gives other trees (so the frozen run below has work to do).
  const control = fx.freshHome();
  mustOk(fx.claude(['plugin', 'marketplace', 'add', fx.registry], { home: control.home }), 'control marketplace add');
  mustOk(fx.claude(['plugin', 'install', 'hello@acme', '--scope', 'user'], { home: control.home }), 'control install');
  const moved = installedPlugins(control.home);
  assert.notEqual(digestOf(moved['hello@acme'][0].installPath), lock.plugins.find((p) => p.id === 'hello@acme')!.integrity);
  assert.equal(moved['lib@acme'][0].version.startsWith('1.3.0'), true, 'Claude resolved ^1.0.0 to the newer tag');

  const fresh = fx.freshHome();
  const r = fx.mp(['install', '--frozen', '--json'], { home: fresh.home });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout) as { ok: boolean; installed: string[]; pinned: Record<string, string> };
  assert.deepEqual([out.ok, out.installed], [true, ['lib@acme', 'hello@acme']]);
  const installs = installedPlugins(fresh.home);
  for (const p of lock.plugins) {
    const inst = installs[p.id][0];
    assert.equal(digestOf(inst.installPath), p.integrity, `${p.id}: the digest of what Claude Code put in its cache equals the lock's`);
    assert.equal(inst.gitCommitSha, p.source.commit, `${p.id}: installed from the locked commit`);
  }
  assert.equal(installs['lib@acme'][0].version, '1.2.0');
  assert.doesNotMatch(readFileSync(join(installs['hello@acme'][0].installPath, 'commands/hi.md'), 'utf8'), /newer/);
  // The project's committed settings are unchanged, and verify agrees.
  const settings = JSON.parse(readFileSync(join(fx.project, '.claude/settings.json'), 'utf8')) as { enabledPlugins: Record<string, boolean> };
  assert.deepEqual(settings.enabledPlugins, { 'hello@acme': true, 'lib@acme': true });
  assert.equal(fx.mp(['verify'], { home: fresh.home }).code, 0);
  // Re-locking after a frozen install keeps the lock as it was (same trees, same provenance).
  const relock = JSON.parse(mustOk(fx.mp(['lock', '--json'], { home: fresh.home }), 'mp lock after frozen').stdout) as { changed: boolean };
  assert.equal(relock.changed, false);
  // A second frozen run has nothing to do.
  const again = JSON.parse(mustOk(fx.mp(['install', '--frozen', '--json'], { home: fresh.home }), 'frozen again').stdout) as { installed: string[]; unchanged: string[] };
  assert.deepEqual([again.installed, again.unchanged.sort()], [[], ['hello@acme', 'lib@acme']]);
});

test('mp install --frozen repairs a tampered install in the same HOME', () => {
  const dir = installedPlugins(fx.home)['hello@acme'][0].installPath;
  appendFileSync(join(dir, 'commands/hi.md'), 'tampered\n');
  assert.equal(fx.mp(['verify']).code, 1);
  const r = fx.mp(['install', '--frozen', '--json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { installed: string[] }).installed, ['hello@acme']);
  assert.equal(fx.mp(['verify']).code, 0);
});

test('when the locked commit does not give the locked tree, --frozen fails with LOCK_INTEGRITY_MISMATCH naming the file', () => {
  const saved = readFileSync(lockPath(), 'utf8');
  try {
    const l = JSON.parse(saved) as LockFile;
    const hello = l.plugins.find((p) => p.id === 'hello@acme')!;
    hello.files['commands/hi.md'] = `f ${'0'.repeat(64)}`;
    hello.integrity = `sha256-${Buffer.alloc(32).toString('base64')}`;
    writeFileSync(lockPath(), JSON.stringify(l, null, 2));
    const fresh = fx.freshHome();
    const r = fx.mp(['install', '--frozen', '--json'], { home: fresh.home });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { ok: boolean; code: string; mismatches: Array<{ id: string; changes: { modified: Array<{ path: string }> } }> };
    assert.equal(out.code, 'LOCK_INTEGRITY_MISMATCH');
    assert.deepEqual(out.mismatches.map((m) => [m.id, m.changes.modified.map((x) => x.path)]), [['hello@acme', ['commands/hi.md']]]);
  } finally {
    writeFileSync(lockPath(), saved);
  }
});

test('a marketplace that is a plain directory has no commit to pin: FROZEN_UNPINNABLE in a fresh HOME, digest-checked where it is known', () => {
  const plain = join(fx.root, 'plain-registry');
  cpSync(fx.registry, plain, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes('/.git') });
  const project = join(fx.root, 'plain-project');
  mkdirSync(project);
  const a = fx.freshHome();
  mustOk(fx.claude(['plugin', 'marketplace', 'add', plain], { home: a.home, cwd: project }), 'add plain');
  mustOk(fx.claude(['plugin', 'install', 'solo@acme', '--scope', 'project'], { home: a.home, cwd: project }), 'install solo');
  mustOk(fx.mp(['lock'], { home: a.home, cwd: project }), 'lock');
  const l = JSON.parse(readFileSync(join(project, 'plugin-lock.json'), 'utf8')) as LockFile;
  assert.deepEqual(l.plugins[0].source, { kind: 'relative', path: 'plugins/solo' });
  const b = fx.freshHome();
  const r = fx.mp(['install', '--frozen', '--json'], { home: b.home, cwd: project });
  assert.equal(r.code, 2, r.stdout);
  assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'FROZEN_UNPINNABLE');
  // Where the marketplace is known, the plugin is installed from it as it is, and the digest decides.
  mustOk(fx.claude(['plugin', 'marketplace', 'add', plain], { home: b.home, cwd: project }), 'add plain in b');
  assert.equal(fx.mp(['install', '--frozen'], { home: b.home, cwd: project }).code, 0);
  appendFileSync(join(plain, 'plugins/solo/commands/solo.md'), 'moved on\n');
  const c = fx.freshHome();
  mustOk(fx.claude(['plugin', 'marketplace', 'add', plain], { home: c.home, cwd: project }), 'add plain in c');
  const moved = fx.mp(['install', '--frozen', '--json'], { home: c.home, cwd: project });
  assert.equal(moved.code, 1, moved.stdout);
  const out = JSON.parse(moved.stdout) as { code: string; mismatches: Array<{ id: string; changes: { modified: Array<{ path: string }> } }> };
  assert.equal(out.code, 'LOCK_INTEGRITY_MISMATCH');
  assert.deepEqual(out.mismatches[0].changes.modified.map((m) => m.path), ['commands/solo.md']);
});
