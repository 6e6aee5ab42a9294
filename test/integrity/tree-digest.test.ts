import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { computeTreeDigest } from '../../scripts/integrity/tree-digest.ts';
import { nodeTreeFs } from '../../scripts/io/node-tree-fs.ts';
import { testdir, type TreeSpec } from '../helpers/testdir.ts';

const digest = (root: string) => computeTreeDigest(root, nodeTreeFs);

const SPEC: TreeSpec = {
  '.claude-plugin/plugin.json': '{"name":"p","version":"1.0.0"}\n',
  'commands/hello.md': '---\ndescription: hi\n---\nHello\n',
  'hooks/run.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o755 },
  'skills/s/SKILL.md': 'x',
  'docs/ünïcødé.md': 'é',
  'docs/𝒳-astral.md': 'astral',
  'docs/\uE000-private.md': 'private use',
  'link-to-cmd': { symlink: 'commands/hello.md' },
  'empty.txt': '',
};

test('the digest does not depend on creation order', () => {
  const a = testdir(SPEC);
  const b = testdir(Object.fromEntries(Object.entries(SPEC).reverse()));
  assert.equal(digest(a).integrity, digest(b).integrity);
  assert.deepEqual(digest(a).entries, digest(b).entries);
  assert.match(digest(a).integrity, /^sha256-[A-Za-z0-9+/]{43}=$/);
});

test('entries are sorted by UTF-8 bytes, not UTF-16 code units', () => {
  const paths = digest(testdir(SPEC)).entries.map((e) => e.path);
  // U+E000 sorts before U+1D4B3 in JS string order but after it in UTF-8 byte order.
  assert.ok(paths.indexOf('docs/\uE000-private.md') < paths.indexOf('docs/𝒳-astral.md'));
  assert.deepEqual(paths, [...paths].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
});

test('chmod +x changes the digest and the entry type, nothing else', () => {
  const root = testdir(SPEC);
  const before = digest(root);
  chmodSync(join(root, 'commands/hello.md'), 0o744);
  const after = digest(root);
  assert.notEqual(after.integrity, before.integrity);
  const e = after.entries.find((x) => x.path === 'commands/hello.md')!;
  assert.equal(e.type, 'x');
  assert.equal(e.sha256, before.entries.find((x) => x.path === 'commands/hello.md')!.sha256);
  chmodSync(join(root, 'commands/hello.md'), 0o600); // other mode bits do not count
  assert.equal(digest(root).integrity, before.integrity);
});

test('a symlink is hashed by its target string and never followed', () => {
  const root = testdir(SPEC);
  const before = digest(root);
  const link = before.entries.find((e) => e.path === 'link-to-cmd')!;
  assert.equal(link.type, 'l');
  assert.equal(link.sha256, sha256hex('commands/hello.md'));
  writeFileSync(join(root, 'commands/hello.md'), 'changed');
  const after = digest(root);
  assert.equal(after.entries.find((e) => e.path === 'link-to-cmd')!.sha256, link.sha256);
  // A link to a directory is an entry; the directory behind it is not walked twice.
  symlinkSync('skills', join(root, 'skills-link'));
  assert.equal(digest(root).entries.filter((e) => e.path.startsWith('skills-link')).length, 1);
});

test('bookkeeping, .git and the signature bundle are excluded; only at the top level', () => {
  const root = testdir(SPEC);
  const base = digest(root).integrity;
  const extra = testdir({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.in_use/1234': '{"pid":1234}',
    '.orphaned_at': '1700000000000',
    '.claude-plugin/signature.sigstore.json': '{}',
  }, root);
  assert.equal(digest(extra).integrity, base);
  testdir({ 'sub/.orphaned_at': '1' }, root);
  assert.ok(digest(root).entries.some((e) => e.path === 'sub/.orphaned_at'));
});

test('hostile trees are rejected with codes', async (t) => {
  const cases: Array<[string, (root: string) => void, string]> = [
    ['absolute symlink', (r) => symlinkSync('/etc/passwd', join(r, 'pw')), 'TREE_SYMLINK_ESCAPES'],
    ['symlink leaving the root', (r) => symlinkSync('../../outside', join(r, 'commands/out')), 'TREE_SYMLINK_ESCAPES'],
    ['symlink escaping through another symlink', (r) => {
      mkdirSync(join(r, 'sub')); symlinkSync('..', join(r, 'sub/up')); symlinkSync('sub/up/../x', join(r, 'a'));
    }, 'TREE_SYMLINK_ESCAPES'],
    ['symlink loop', (r) => { symlinkSync('b', join(r, 'a')); symlinkSync('a/x', join(r, 'b')); }, 'TREE_SYMLINK_ESCAPES'],
    ['FIFO', (r) => execFileSync('mkfifo', [join(r, 'pipe')]), 'TREE_SPECIAL_FILE'],
    ['newline in a name', (r) => writeFileSync(join(r, 'a\nb'), ''), 'TREE_BAD_NAME'],
    ['carriage return in a name', (r) => writeFileSync(join(r, 'a\rb'), ''), 'TREE_BAD_NAME'],
    ['name not in NFC', (r) => writeFileSync(join(r, 'e\u0301.md'), ''), 'TREE_BAD_NAME'],
    ['name not valid UTF-8', (r) => writeFileSync(Buffer.concat([Buffer.from(`${r}/bad-`), Buffer.from([0xff, 0xfe])]), ''), 'TREE_BAD_NAME'],
    ['case collision', (r) => { writeFileSync(join(r, 'docs/Zeta.md'), ''); writeFileSync(join(r, 'docs/zeta.md'), ''); }, 'TREE_CASE_COLLISION'],
    ['too deep', (r) => { const d = join(r, ...Array(70).fill('d')); mkdirSync(d, { recursive: true }); writeFileSync(join(d, 'f'), ''); }, 'TREE_TOO_DEEP'],
  ];
  for (const [name, mutate, code] of cases) {
    await t.test(name, () => {
      const root = testdir(SPEC);
      mutate(root);
      assert.throws(() => digest(root), { code });
      rmSync(root, { recursive: true, force: true });
    });
  }
  await t.test('a missing root or a file root', () => {
    assert.throws(() => digest('/nonexistent/mp-tree'), { code: 'TREE_NOT_A_DIRECTORY' });
    assert.throws(() => digest(join(testdir(SPEC), 'empty.txt')), { code: 'TREE_NOT_A_DIRECTORY' });
  });
  await t.test('links that stay inside are accepted, dangling ones too', () => {
    const root = testdir(SPEC);
    mkdirSync(join(root, 'sub/deep'), { recursive: true });
    symlinkSync('../..', join(root, 'sub/deep/top'));
    symlinkSync('sub/deep/top/commands', join(root, 'cmds'));
    symlinkSync('not-there/yet', join(root, 'dangling'));
    assert.equal(digest(root).entries.filter((e) => e.type === 'l').length, 4);
  });
});

test('equals an independent shell computation (find, sha256sum, sort, base64)', () => {
  const root = testdir(SPEC);
  const script = `
    set -e; cd "$1"
    find . -path ./.git -prune -o \\( -type f -o -type l \\) -printf '%P\\0' | LC_ALL=C sort -z | while IFS= read -r -d '' p; do
      if [ -L "$p" ]; then t=l; h=$(printf '%s' "$(readlink "$p")" | sha256sum | cut -d' ' -f1)
      else
        if [ -n "$(find "$p" -maxdepth 0 -perm /111)" ]; then t=x; else t=f; fi
        h=$(sha256sum < "$p" | cut -d' ' -f1)
      fi
      printf '%s %s  %s\\n' "$t" "$h" "$p"
    done | sha256sum | cut -d' ' -f1 | xxd -r -p | base64`;
  const shell = execFileSync('bash', ['-c', script, 'mp1', root], { encoding: 'utf8' }).trim();
  assert.equal(digest(root).integrity, `sha256-${shell}`);
});

function sha256hex(s: string): string {
  return execFileSync('sha256sum', { input: s, encoding: 'utf8' }).split(' ')[0];
}

test('strict: false records what strict mode rejects, so that every change can still be named', () => {
  const root = testdir(SPEC);
  symlinkSync('/etc/passwd', join(root, 'pw'));
  execFileSync('mkfifo', [join(root, 'pipe')]);
  writeFileSync(join(root, 'docs/Zeta.md'), '');
  writeFileSync(join(root, 'docs/zeta.md'), '');
  const d = computeTreeDigest(root, nodeTreeFs, { strict: false });
  assert.deepEqual(d.problems?.map((p) => [p.path, p.code]).sort(), [
    ['docs/zeta.md', 'TREE_CASE_COLLISION'],
    ['pipe', 'TREE_SPECIAL_FILE'],
    ['pw', 'TREE_SYMLINK_ESCAPES'],
  ].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  assert.ok(d.entries.some((e) => e.path === 'pw' && e.type === 'l'), 'the escaping link is still an entry');
  assert.ok(!d.entries.some((e) => e.path === 'pipe'));
  assert.equal(computeTreeDigest(testdir(SPEC), nodeTreeFs, { strict: false }).problems, undefined);
});
