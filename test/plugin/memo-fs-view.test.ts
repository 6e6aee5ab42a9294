import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFsView } from '../../scripts/io/node-fs-view.ts';
import { memoFsView } from '../../scripts/plugin/memo-fs-view.ts';
import type { FsView } from '../../scripts/plugin/fs-view.ts';
import { testdir } from '../helpers/testdir.ts';

/** A tree with links inside, out of it, dangling, and a linked directory (the cases a derived real path can get wrong). */
function tree(): { root: string; outside: string } {
  const outside = testdir({ 'secret.txt': 'x', 'sub/deep.md': 'd' });
  const root = testdir({
    'a/b/c.md': 'hello',
    'a/link-in': { symlink: 'b/c.md' },
    'out-file': { symlink: join(outside, 'secret.txt') },
    'out-dir': { symlink: join(outside, 'sub') },
    dangling: { symlink: 'nowhere' },
    'big.bin': 'y'.repeat(5000),
  });
  return { root, outside };
}

test('memoFsView answers exactly as the view it wraps (real paths through links, missing paths, odd paths)', () => {
  const { root } = tree();
  // The root itself is reached through a symlinked directory, so every real path differs from its input.
  const via = join(mkdtempSync(join(tmpdir(), 'mp-test-')), 'via');
  symlinkSync(root, via);
  const inner = nodeFsView();
  const memo = memoFsView(inner);
  const paths = ['', 'a', 'a/b', 'a/b/c.md', 'a/link-in', 'out-file', 'out-dir', 'out-dir/deep.md', 'dangling', 'missing', 'a/missing/x', 'a/b/c.md/x', 'a/../a/b', 'a/./b/', 'big.bin']
    .flatMap((p) => [join(root, p), join(via, p), `${via}/${p}`]);
  for (const round of [1, 2]) {
    for (const p of paths) {
      for (const m of ['lstat', 'stat', 'readdir', 'list', 'sortedList', 'realpath'] as const) {
        assert.deepEqual((memo[m] as (p: string) => unknown)(p), (inner[m] as (p: string) => unknown)(p), `${m}(${p}) round ${round}`);
      }
      assert.deepEqual(memo.readFile(p), inner.readFile(p), `readFile(${p})`);
    }
  }
  assert.equal(memo.realpath(join(via, 'out-dir/deep.md')), realpathSync(join(via, 'out-dir/deep.md')));
});

test('memoFsView asks the inner view once per question, and honours each caller\'s read limit', () => {
  const { root } = tree();
  const calls: string[] = [];
  const inner = nodeFsView();
  const counting = Object.fromEntries(Object.entries(inner).map(([k, f]) => [k, (...a: unknown[]) => { calls.push(`${k} ${String(a[0])} ${String(a[1] ?? '')}`); return (f as (...x: unknown[]) => unknown)(...a); }])) as unknown as FsView;
  const memo = memoFsView(counting);
  const big = join(root, 'big.bin');
  assert.equal(memo.readFile(big, 100).ok, false); // too large for this caller
  const whole = memo.readFile(big);
  assert.ok(whole.ok && whole.bytes.length === 5000);
  assert.equal(memo.readFile(big, 100).ok, false, 'a kept file still fails a smaller limit');
  assert.ok(memo.readFile(big, 8000).ok);
  for (let i = 0; i < 3; i++) {
    memo.stat(join(root, 'a'));
    memo.list(join(root, 'a'));
    memo.realpath(join(root, 'a/b/c.md'));
  }
  const count = (prefix: string) => calls.filter((c) => c.startsWith(prefix)).length;
  assert.equal(count(`stat ${join(root, 'a')} `), 1);
  assert.equal(count(`list ${join(root, 'a')} `), 1);
  assert.equal(count(`readFile ${big} `), 2, 'the failed limited read, then the whole file once');
  assert.equal(count('realpath'), 1, 'only / is resolved by the inner view; the rest is derived from lstat');
});
