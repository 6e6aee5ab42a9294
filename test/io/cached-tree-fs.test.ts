import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedTreeFs } from '../../scripts/io/cached-tree-fs.ts';
import { nodeTreeFs } from '../../scripts/io/node-tree-fs.ts';
import { computeTreeDigest } from '../../scripts/integrity/tree-digest.ts';
import { testdir } from '../helpers/testdir.ts';

const later = () => Date.now() + 10_000; // hashed "long after" the files were written: outside the racy window

test('unchanged files are served from the cache; the digest is the same as without it', () => {
  const root = testdir({ 'a.md': 'a', 'b/c.md': 'c', 'run.sh': { content: 'x', mode: 0o755 } });
  const file = join(mkdtempSync(join(tmpdir(), 'mp-cache-')), 'digest-cache.json');
  const first = cachedTreeFs(nodeTreeFs, file, later);
  const d1 = computeTreeDigest(root, first.fs);
  first.save([root]);
  assert.deepEqual(first.stats, { hits: 0, misses: 3 });
  const second = cachedTreeFs(nodeTreeFs, file, later);
  assert.equal(computeTreeDigest(root, second.fs).integrity, d1.integrity);
  assert.equal(computeTreeDigest(root, nodeTreeFs).integrity, d1.integrity);
  assert.deepEqual(second.stats, { hits: 3, misses: 0 });
});

test('a change is seen even when size and mtime are restored (ctime/inode), and fresh files are rehashed', () => {
  const root = testdir({ 'a.md': 'aaaa', 'b.md': 'b' });
  const file = join(mkdtempSync(join(tmpdir(), 'mp-cache-')), 'digest-cache.json');
  const c1 = cachedTreeFs(nodeTreeFs, file, later);
  const before = computeTreeDigest(root, c1.fs);
  c1.save([root]);
  const st = statSync(join(root, 'a.md'));
  writeFileSync(join(root, 'a.md'), 'AAAA'); // same size
  utimesSync(join(root, 'a.md'), st.atime, st.mtime); // mtime put back
  const c2 = cachedTreeFs(nodeTreeFs, file, later);
  assert.notEqual(computeTreeDigest(root, c2.fs).integrity, before.integrity);
  assert.equal(c2.stats.misses, 1);
  // Hashed "now", right after writing: inside the racy window, so not trusted next time.
  appendFileSync(join(root, 'b.md'), 'b');
  const c3 = cachedTreeFs(nodeTreeFs, file, Date.now);
  computeTreeDigest(root, c3.fs);
  c3.save([root]);
  const c4 = cachedTreeFs(nodeTreeFs, file, Date.now);
  computeTreeDigest(root, c4.fs);
  assert.ok(c4.stats.misses >= 1);
});

test('a corrupt cache file is ignored', () => {
  const root = testdir({ 'a.md': 'a' });
  const file = join(mkdtempSync(join(tmpdir(), 'mp-cache-')), 'digest-cache.json');
  writeFileSync(file, '{"version":1,"files":{"x":');
  const c = cachedTreeFs(nodeTreeFs, file, later);
  assert.equal(computeTreeDigest(root, c.fs).integrity, computeTreeDigest(root, nodeTreeFs).integrity);
});
