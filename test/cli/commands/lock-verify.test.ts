// mp lock and mp verify against the real Claude Code: a real git registry, plugins installed by the real
// CLI in a temporary HOME, then many random single mutations of the installed trees, each of which
// verify must detect and name exactly, while Claude Code's own bookkeeping files are never reported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, cpSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verifyProject } from '../../../scripts/io/verify-project.ts';
import type { LockFile } from '../../../scripts/lock/types.ts';
import type { TreeDiff } from '../../../scripts/integrity/diff-trees.ts';
import { installedPlugins, mustOk, projectFixture, type Fixture } from '../../lock/project-fixture.ts';
import { mulberry32 } from '../../../scripts/core/mulberry32.ts';

let fx: Fixture;
let lock: LockFile;

before(() => {
  fx = projectFixture();
  mustOk(fx.claude(['plugin', 'marketplace', 'add', fx.registry]), 'marketplace add');
  mustOk(fx.claude(['plugin', 'install', 'hello@acme', '--scope', 'project']), 'install hello');
  mustOk(fx.claude(['plugin', 'install', 'solo@acme', '--scope', 'local']), 'install solo');
});
after(() => fx?.cleanup());

test('mp lock records what the project enables and Claude Code installed', () => {
  const r = mustOk(fx.mp(['lock', '--json']), 'mp lock');
  const out = JSON.parse(r.stdout) as { ok: boolean; changed: boolean; plugins: Array<{ id: string; scope: string }> };
  assert.equal(out.ok, true);
  assert.equal(out.changed, true);
  assert.deepEqual(out.plugins.map((p) => [p.id, p.scope]), [['hello@acme', 'project'], ['lib@acme', 'project'], ['solo@acme', 'local']]);
  lock = JSON.parse(readFileSync(join(fx.project, 'plugin-lock.json'), 'utf8')) as LockFile;
  const hello = lock.plugins.find((p) => p.id === 'hello@acme')!;
  const commit = readFileSync(join(fx.registry, '.git/refs/heads/main'), 'utf8').trim();
  assert.deepEqual(hello.source, { kind: 'relative', url: `file://${fx.registry}`, path: 'plugins/hello', commit });
  assert.deepEqual(hello.registry, { name: 'acme', source: { path: fx.registry, source: 'directory' } });
  assert.deepEqual(hello.dependencies, [{ id: 'lib@acme', range: '^1.0.0', version: '1.2.0' }]);
  assert.equal(hello.files['hooks/run.sh'][0], 'x');
  assert.equal(hello.files['link-to-hi'][0], 'l');
  assert.ok(!Object.keys(hello.files).some((f) => f.startsWith('.in_use') || f === '.orphaned_at'));
  assert.equal(lock.plugins.find((p) => p.id === 'lib@acme')!.version, '1.2.0');
  // Running it again changes nothing, byte for byte.
  const before = readFileSync(join(fx.project, 'plugin-lock.json'), 'utf8');
  assert.equal((JSON.parse(mustOk(fx.mp(['lock', '--json']), 'mp lock again').stdout) as { changed: boolean }).changed, false);
  assert.equal(readFileSync(join(fx.project, 'plugin-lock.json'), 'utf8'), before);
});

test('mp verify is clean right after locking, in text and JSON', () => {
  const text = fx.mp(['verify']);
  assert.equal(text.code, 0, text.stdout + text.stderr);
  assert.match(text.stdout, /✔ 3 locked plugins match/);
  const j = JSON.parse(fx.mp(['verify', '--json']).stdout) as { ok: boolean; drift: unknown[] };
  assert.deepEqual([j.ok, j.drift], [true, []]);
});

type Mutation = 'byte' | 'add' | 'remove' | 'rename' | 'chmod' | 'symlink-inside' | 'symlink-outside';
const KINDS: Mutation[] = ['byte', 'add', 'remove', 'rename', 'chmod', 'symlink-inside', 'symlink-outside'];

test('random single mutations of installed trees are each detected and named; bookkeeping is not', (t) => {
  const seed = Number(process.env.MP_TAMPER_SEED ?? Date.now() % 1_000_000);
  const iterations = Number(process.env.MP_TAMPER_ITERATIONS ?? 140);
  t.diagnostic(`seed ${seed} (MP_TAMPER_SEED to replay), ${iterations} mutations`);
  const rnd = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const installs = installedPlugins(fx.home);
  const trees = lock.plugins.map((p) => ({ id: p.id, dir: installs[p.id][0].installPath, files: Object.keys(p.files) }));
  const pristine = new Map(trees.map((tr) => {
    const copy = join(fx.root, 'pristine', tr.id);
    cpSync(tr.dir, copy, { recursive: true, verbatimSymlinks: true });
    return [tr.id, copy];
  }));
  const counts: Record<string, number> = {};
  for (let i = 0; i < iterations; i++) {
    const tree = pick(trees);
    const kind = KINDS[i % KINDS.length];
    const regular = tree.files.filter((f) => !lstatSync(join(tree.dir, f)).isSymbolicLink());
    const target = pick(regular);
    const abs = join(tree.dir, target);
    const expected: Partial<TreeDiff> = {};
    let problem: string | undefined;
    switch (kind) {
      case 'byte': {
        const buf = readFileSync(abs);
        const at = Math.floor(rnd() * buf.length);
        buf[at] ^= 1 + Math.floor(rnd() * 255);
        writeFileSync(abs, buf);
        expected.modified = [{ path: target, from: lockType(tree.id, target), to: lockType(tree.id, target) }];
        break;
      }
      case 'add': {
        const rel = `${pick(['', 'commands/', 'new-dir/sub/'])}added-${i}.md`;
        mkdirSync(dirname(join(tree.dir, rel)), { recursive: true });
        writeFileSync(join(tree.dir, rel), `added ${i} ${rnd()}\n`);
        expected.added = [rel];
        break;
      }
      case 'remove':
        unlinkSync(abs);
        expected.removed = [target];
        break;
      case 'rename': {
        const to = `${dirname(target) === '.' ? '' : `${dirname(target)}/`}renamed-${i}.md`;
        renameSync(abs, join(tree.dir, to));
        expected.renamed = [{ from: target, to }];
        break;
      }
      case 'chmod': {
        const was = lockType(tree.id, target);
        chmodSync(abs, was === 'x' ? 0o644 : statSync(abs).mode | 0o111);
        expected.modeChanged = [{ path: target, from: was, to: was === 'x' ? 'f' : 'x' }];
        break;
      }
      case 'symlink-inside':
      case 'symlink-outside': {
        unlinkSync(abs);
        const other = regular.find((f) => f !== target) ?? '.claude-plugin/plugin.json';
        const linkTarget = kind === 'symlink-outside' ? pick(['/etc/passwd', '../../../../../../etc/hostname']) : relativeTo(target, other);
        symlinkSync(linkTarget, abs);
        expected.modified = [{ path: target, from: lockType(tree.id, target), to: 'l' }];
        if (kind === 'symlink-outside') problem = 'TREE_SYMLINK_ESCAPES';
        break;
      }
    }
    // Claude Code's bookkeeping, written at the same time: never part of the tree.
    writeFileSync(join(tree.dir, '.orphaned_at'), String(Date.now()));
    mkdirSync(join(tree.dir, '.in_use'), { recursive: true });
    writeFileSync(join(tree.dir, '.in_use', String(10000 + i)), JSON.stringify({ pid: 10000 + i }));

    try {
      const r = verifyProject({ env: fx.env, projectDir: fx.project });
      const label = `mutation ${i} (${kind} ${tree.id}:${target})`;
      assert.equal(r.verification.drift.length, 1, `${label}: ${JSON.stringify(r.verification.drift)}`);
      const d = r.verification.drift[0];
      assert.equal(d.id, tree.id, label);
      assert.equal(d.kind, 'modified', label);
      assert.deepEqual(d.changes, { modified: [], modeChanged: [], renamed: [], added: [], removed: [], ...expected }, label);
      // A link that led through the replaced file now leaves the tree as well: named too.
      const problems = d.problems ?? [];
      assert.equal(problems.some((p) => p.path === target), problem !== undefined, `${label}: ${JSON.stringify(problems)}`);
      assert.ok(problems.every((p) => p.code === problem), label);
      counts[kind] = (counts[kind] ?? 0) + 1;
    } finally {
      rmSync(tree.dir, { recursive: true, force: true });
      cpSync(pristine.get(tree.id)!, tree.dir, { recursive: true, verbatimSymlinks: true });
    }
  }
  t.diagnostic(`detected and named: ${JSON.stringify(counts)}`);
  assert.deepEqual(verifyProject({ env: fx.env, projectDir: fx.project }).verification.drift, [], 'restored trees verify clean');
});

test('the mp verify CLI names the change and exits 1; --json fits CI', () => {
  const dir = installedPlugins(fx.home)['hello@acme'][0].installPath;
  appendFileSync(join(dir, 'commands/hi.md'), 'tampered\n');
  chmodSync(join(dir, 'commands/bye.md'), 0o755);
  writeFileSync(join(dir, '.orphaned_at'), '1');
  try {
    const text = fx.mp(['verify']);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /✘ hello@acme modified/);
    assert.match(text.stdout, /modified {2}commands\/hi\.md/);
    assert.match(text.stdout, /mode {6}commands\/bye\.md \(file → executable\)/);
    assert.doesNotMatch(text.stdout, /orphaned_at|in_use/);
    const j = JSON.parse(fx.mp(['verify', '--json']).stdout) as { ok: boolean; drift: Array<{ id: string; changes: TreeDiff }> };
    assert.equal(j.ok, false);
    assert.deepEqual(j.drift.map((d) => d.id), ['hello@acme']);
    assert.deepEqual(j.drift[0].changes.modified.map((m) => m.path), ['commands/hi.md']);
  } finally {
    writeFileSync(join(dir, 'commands/hi.md'), readFileSync(join(fx.root, 'pristine', 'hello@acme', 'commands/hi.md')));
    chmodSync(join(dir, 'commands/bye.md'), 0o644);
  }
  assert.equal(fx.mp(['verify']).code, 0);
});

test('installed but not locked, and locked but missing, are named', () => {
  const lockPath = join(fx.project, 'plugin-lock.json');
  const saved = readFileSync(lockPath, 'utf8');
  try {
    const l = JSON.parse(saved) as LockFile;
    l.plugins = l.plugins.filter((p) => p.id !== 'solo@acme');
    l.plugins.push({ ...l.plugins[0], id: 'ghost@acme' });
    l.plugins.sort((a, b) => (a.id < b.id ? -1 : 1));
    writeFileSync(lockPath, JSON.stringify(l, null, 2));
    const j = JSON.parse(fx.mp(['verify', '--json']).stdout) as { ok: boolean; drift: Array<{ id: string; kind: string }> };
    assert.deepEqual(j.drift.map((d) => [d.id, d.kind]), [['ghost@acme', 'missing'], ['solo@acme', 'not-locked']]);
  } finally {
    writeFileSync(lockPath, saved);
  }
});

test('without a lock, mp verify cannot run (exit 2, LOCK_MISSING); a broken lock is LOCK_PARSE', () => {
  const lockPath = join(fx.project, 'plugin-lock.json');
  const saved = readFileSync(lockPath, 'utf8');
  try {
    rmSync(lockPath);
    const r = fx.mp(['verify', '--json']);
    assert.equal(r.code, 2);
    assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'LOCK_MISSING');
    writeFileSync(lockPath, saved.slice(0, 100));
    assert.equal((JSON.parse(fx.mp(['verify', '--json']).stdout) as { error: { code: string } }).error.code, 'LOCK_PARSE');
  } finally {
    writeFileSync(lockPath, saved);
  }
});

function lockType(id: string, path: string): 'f' | 'x' | 'l' {
  return lock.plugins.find((p) => p.id === id)!.files[path][0] as 'f' | 'x' | 'l';
}

function relativeTo(from: string, to: string): string {
  const up = from.split('/').length - 1;
  return `${'../'.repeat(up)}${to}`;
}

test('policy violations are named by mp verify (and --no-policy skips them)', () => {
  const policy = join(fx.project, '.claude/policies/plugins.yaml');
  mkdirSync(dirname(policy), { recursive: true });
  writeFileSync(policy, 'plugins:\n  block: ["solo@acme"]\n');
  try {
    const r = fx.mp(['verify', '--json']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const j = JSON.parse(r.stdout) as { drift: unknown[]; policy: { checked: boolean; violations: Array<{ id: string; rule: string }> } };
    assert.deepEqual(j.drift, []);
    assert.deepEqual(j.policy.violations.map((v) => [v.id, v.rule]), [['solo@acme', 'plugins.block']]);
    assert.match(fx.mp(['verify']).stdout, /solo@acme violates the policy \(plugins\.block\)/);
    assert.equal(fx.mp(['verify', '--no-policy']).code, 0);
  } finally {
    rmSync(dirname(policy), { recursive: true, force: true });
  }
});

test('mp lock in a HOME where nothing is installed keeps the lock and reports LOCK_NOT_INSTALLED', () => {
  const lockPath = join(fx.project, 'plugin-lock.json');
  const before = readFileSync(lockPath, 'utf8');
  const fresh = fx.freshHome();
  const r = fx.mp(['lock', '--json'], { home: fresh.home });
  assert.equal(r.code, 1);
  const j = JSON.parse(r.stdout) as { changed: boolean; problems: Array<{ id: string; code: string }> };
  assert.equal(j.changed, false);
  assert.deepEqual(j.problems.map((p) => [p.id, p.code]), [['hello@acme', 'LOCK_NOT_INSTALLED'], ['lib@acme', 'LOCK_NOT_INSTALLED'], ['solo@acme', 'LOCK_NOT_INSTALLED']]);
  assert.equal(readFileSync(lockPath, 'utf8'), before);
});
