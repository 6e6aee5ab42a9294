import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCjsCached } from '../../scripts/io/load-cjs-cached.ts';
import { testdir } from '../helpers/testdir.ts';

// Enough code for V8 to cache: functions that run (compiled lazily, then kept in the cache).
const bundle = (v: number) => `'use strict';\nconst yaml = () => require('./dep.cjs');\nfunction f(x) { return x * ${v}; }\nexports.value = f(1);\nexports.dep = () => yaml().name;\n`;

test('loadCjsCached without a cache dir is a plain require', () => {
  const dir = testdir({ 'a.cjs': bundle(3), 'dep.cjs': "exports.name = 'dep';\n" });
  const r = loadCjsCached(join(dir, 'a.cjs'), null);
  assert.equal(r.exports.value, 3);
  assert.equal((r.exports.dep as () => string)(), 'dep');
  r.save();
  assert.deepEqual(readdirSync(dir).sort(), ['a.cjs', 'dep.cjs']);
  rmSync(dir, { recursive: true, force: true });
});

test('loadCjsCached writes one cache per bundle on save, reuses it, and never runs a changed bundle from a stale cache', () => {
  const dir = testdir({ 'a.cjs': bundle(3), 'dep.cjs': "exports.name = 'dep';\n" });
  const cache = join(dir, 'cache');
  const first = loadCjsCached(join(dir, 'a.cjs'), cache);
  assert.equal(first.exports.value, 3);
  assert.equal((first.exports.dep as () => string)(), 'dep', 'a sibling bundle is required through the loader');
  first.save();
  const files = readdirSync(cache).sort();
  assert.equal(files.length, 2, files.join());
  assert.ok(files[0].startsWith('v8-a-') && files[1].startsWith('v8-dep-'), files.join());

  const again = loadCjsCached(join(dir, 'a.cjs'), cache);
  assert.equal(again.exports.value, 3);
  again.save();
  assert.deepEqual(readdirSync(cache).sort(), files, 'a cache that was accepted is not rewritten');

  // Same length, other code: V8 alone would accept the old cache (it checks the source length only).
  writeFileSync(join(dir, 'a.cjs'), bundle(7));
  const changed = loadCjsCached(join(dir, 'a.cjs'), cache);
  assert.equal(changed.exports.value, 7);
  changed.save();
  const now = readdirSync(cache).filter((f) => f.startsWith('v8-a-'));
  assert.equal(now.length, 1, 'the stale cache of the old bundle is dropped');
  assert.notEqual(now[0], files[0]);
  rmSync(dir, { recursive: true, force: true });
});

test('loadCjsCached: a corrupt or unwritable cache only costs speed', () => {
  const dir = testdir({ 'a.cjs': bundle(5), 'dep.cjs': "exports.name = 'dep';\n" });
  const cache = join(dir, 'cache');
  loadCjsCached(join(dir, 'a.cjs'), cache).save();
  for (const f of readdirSync(cache)) writeFileSync(join(cache, f), 'garbage');
  const r = loadCjsCached(join(dir, 'a.cjs'), cache);
  assert.equal(r.exports.value, 5);
  r.save(); // rejected, so rewritten
  // A cache dir that is a file cannot be written: still loads.
  const blocked = join(dir, 'blocked');
  writeFileSync(blocked, 'x');
  const b = loadCjsCached(join(dir, 'a.cjs'), blocked);
  assert.equal(b.exports.value, 5);
  assert.doesNotThrow(() => b.save());
  rmSync(dir, { recursive: true, force: true });
});
