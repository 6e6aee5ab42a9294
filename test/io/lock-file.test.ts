import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLockFile, updateLockFile } from '../../scripts/io/lock-file.ts';
import { mergeLock } from '../../scripts/lock/merge-lock.ts';
import { serializeLock } from '../../scripts/lock/serialize-lock.ts';
import { entry } from '../lock/entries.ts';
import { REPO } from '../helpers/claude.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'mp-lockfile-'));
const add = (id: string) => (cur: Parameters<typeof mergeLock>[0]) => mergeLock(cur, [entry(id)], () => true);
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

test('updateLockFile writes the serialised lock, and skips identical rewrites', async () => {
  const path = join(dir(), 'plugin-lock.json');
  const first = await updateLockFile(path, add('a@m'));
  assert.equal(first.changed, true);
  assert.equal(readFileSync(path, 'utf8'), serializeLock(first.lock));
  const again = await updateLockFile(path, add('a@m'));
  assert.equal(again.changed, false);
  assert.deepEqual(readLockFile(path)?.plugins.map((p) => p.id), ['a@m']);
  assert.deepEqual(readdirSync(join(path, '..')), ['plugin-lock.json'], 'no temp or mutex file left behind');
});

test('readLockFile: absent is undefined; broken and invalid files are coded errors', () => {
  const d = dir();
  assert.equal(readLockFile(join(d, 'none.json')), undefined);
  writeFileSync(join(d, 'broken.json'), '{"lockfileVersion":1,');
  assert.throws(() => readLockFile(join(d, 'broken.json')), { code: 'LOCK_PARSE' });
  writeFileSync(join(d, 'invalid.json'), '{"lockfileVersion":1,"plugins":[{"id":"x@y"}]}');
  assert.throws(() => readLockFile(join(d, 'invalid.json')), { code: 'LOCK_INVALID' });
});

test('concurrent updates in one process lose no entry', async () => {
  const path = join(dir(), 'plugin-lock.json');
  await Promise.all(Array.from({ length: 20 }, (_, i) => updateLockFile(path, async (cur) => {
    await new Promise((r) => setTimeout(r, Math.random() * 5));
    return add(`p${i}@m`)(cur);
  })));
  assert.equal(readLockFile(path)?.plugins.length, 20);
});

test('concurrent updates from several processes lose no entry', async () => {
  const path = join(dir(), 'plugin-lock.json');
  const script = `
    import { updateLockFile } from ${JSON.stringify(join(REPO, 'scripts/io/lock-file.ts'))};
    import { mergeLock } from ${JSON.stringify(join(REPO, 'scripts/lock/merge-lock.ts'))};
    import { entry } from ${JSON.stringify(join(REPO, 'test/lock/entries.ts'))};
    for (let i = 0; i < 5; i++) await updateLockFile(process.argv[1], (cur) => mergeLock(cur, [entry(process.argv[2] + i + '@m')], () => true));`;
  const codes = await Promise.all(['a', 'b', 'c', 'd'].map((who) => new Promise<number>((resolve) => {
    const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path, who], { cwd: REPO, stdio: 'inherit' });
    c.on('exit', (code) => resolve(code ?? -1));
  })));
  assert.deepEqual(codes, [0, 0, 0, 0]);
  assert.equal(readLockFile(path)?.plugins.length, 20);
});

test('a mutex left by a dead process is broken; one held by a live process makes LOCK_BUSY', async () => {
  const d = dir();
  const path = join(d, 'plugin-lock.json');
  writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), createdAt: Date.now(), nonce: 'dead' }));
  writeFileSync(join(d, `.plugin-lock.json.${deadPid()}.abcd1234.tmp`), 'half a lock');
  await updateLockFile(path, add('a@m'), { timeoutMs: 2000 });
  assert.deepEqual(readdirSync(d), ['plugin-lock.json'], 'stale mutex and temp file removed');

  const holder = spawn('sleep', ['30']);
  try {
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: holder.pid, host: hostname(), createdAt: Date.now(), nonce: 'live' }));
    await assert.rejects(updateLockFile(path, add('b@m'), { timeoutMs: 300 }), { code: 'LOCK_BUSY' });
    // A live holder that has held it far too long is stale too.
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: holder.pid, host: hostname(), createdAt: Date.now() - 60_000, nonce: 'old' }));
    await updateLockFile(path, add('b@m'), { timeoutMs: 2000 });
    assert.equal(readLockFile(path)?.plugins.length, 2);
    assert.equal(existsSync(`${path}.lock`), false);
  } finally {
    holder.kill();
  }
});
