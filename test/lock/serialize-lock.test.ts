import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeLock } from '../../scripts/lock/serialize-lock.ts';
import { parseLock } from '../../scripts/lock/parse-lock.ts';
import type { LockEntry } from '../../scripts/lock/types.ts';
import { entry, SHA } from './entries.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/lock/serialized.json');

function scrambled(e: LockEntry): LockEntry {
  // Same data, keys inserted in reverse order at every level.
  const rev = (o: object) => Object.fromEntries(Object.entries(o).reverse());
  return rev({ ...e, source: rev(e.source), registry: rev({ ...e.registry, source: rev(e.registry.source!) }), files: rev(e.files), dependencies: [...e.dependencies].reverse().map(rev) }) as LockEntry;
}

const LOCK = {
  lockfileVersion: 1 as const,
  plugins: [
    entry('zeta@acme', { files: { 'b.md': `f ${SHA('b')}`, 'A.md': `x ${SHA('c')}`, 'é.md': `l ${SHA('d')}` }, dependencies: [{ id: 'lib@acme', range: '^1.0.0', version: '1.2.0' }, { id: 'base@acme' }] }),
    entry('alpha@acme', { grade: 'B', signer: { subject: 's', issuer: 'i' } }),
  ],
};

test('the same lock always serialises to the same bytes, whatever the key order in memory', () => {
  const a = serializeLock(LOCK);
  const b = serializeLock({ lockfileVersion: 1, plugins: LOCK.plugins.map(scrambled).reverse() });
  assert.equal(a, b);
  assert.ok(a.endsWith('}\n'));
  if (process.env.MP_UPDATE_FIXTURES) writeFileSync(FIXTURE, a);
  assert.equal(a, readFileSync(FIXTURE, 'utf8'), 'test/fixtures/lock/serialized.json (regenerate with MP_UPDATE_FIXTURES=1)');
});

test('a serialised lock parses back to the same lock and validates against the schema', () => {
  const text = serializeLock(LOCK);
  const r = parseLock(text);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(serializeLock(r.lock), text);
});

test('parseLock reports broken and invalid files with codes, never throws', () => {
  const cases: Array<[string, string]> = [
    ['{"lockfileVersion":1,"plugins":[', 'LOCK_PARSE'],
    ['<<<<<<< HEAD\n{}', 'LOCK_PARSE'],
    ['{"lockfileVersion":2,"plugins":[]}', 'LOCK_INVALID'],
    ['{"lockfileVersion":1,"plugins":[],"extra":1}', 'LOCK_INVALID'],
    [JSON.stringify({ lockfileVersion: 1, plugins: [{ ...entry('a@m'), integrity: 'md5-x' }] }), 'LOCK_INVALID'],
    [JSON.stringify({ lockfileVersion: 1, plugins: [{ ...entry('a@m'), files: { x: 'q 12' } }] }), 'LOCK_INVALID'],
    [JSON.stringify({ lockfileVersion: 1, plugins: [{ ...entry('a@m'), id: 'no-marketplace' }] }), 'LOCK_INVALID'],
    [JSON.stringify({ lockfileVersion: 1, plugins: [{ ...entry('a@m'), source: { kind: 'relative', commit: 'abc' } }] }), 'LOCK_INVALID'],
    [JSON.stringify({ lockfileVersion: 1, plugins: [entry('a@m'), entry('a@m')] }), 'LOCK_INVALID'],
  ];
  for (const [text, code] of cases) {
    const r = parseLock(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.equal(r.code, code, text);
  }
  assert.ok(parseLock('\uFEFF' + serializeLock(LOCK)).ok, 'a BOM is tolerated');
});
