import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyLock } from '../../scripts/lock/verify-lock.ts';
import { formatDrift } from '../../scripts/lock/format-drift.ts';
import { driftMessage } from '../../scripts/lock/drift-message.ts';
import type { ObservedPlugin } from '../../scripts/lock/observed.ts';
import { entry, SHA } from './entries.ts';

const LOCK = { lockfileVersion: 1 as const, plugins: [entry('ok@m'), entry('tampered@m', { files: { 'a.md': `f ${SHA('a')}`, 'run.sh': `f ${SHA('b')}` } }), entry('gone@m'), entry('bumped@m')] };

const seen = (id: string, over: Partial<ObservedPlugin> = {}): ObservedPlugin => {
  const e = LOCK.plugins.find((p) => p.id === id) ?? entry(id);
  return {
    id, name: id.split('@')[0], marketplace: 'm', enabledScope: 'project',
    installation: { scope: 'project', installPath: `/c/${id}`, version: '1.0.0' },
    tree: { integrity: e.integrity, algorithm: 'mp1', entries: Object.entries(e.files).map(([path, v]) => ({ path, type: v[0] as 'f', sha256: v.slice(2) })) },
    ...over,
  };
};

test('verifyLock names every kind of drift, and nothing when all match', () => {
  assert.deepEqual(verifyLock({ lockfileVersion: 1, plugins: [entry('ok@m')] }, [seen('ok@m')]).drift, []);
  const r = verifyLock(LOCK, [
    seen('ok@m'),
    seen('tampered@m', { tree: { integrity: 'sha256-new', algorithm: 'mp1', entries: [{ path: 'a.md', type: 'f', sha256: SHA('z') }, { path: 'run.sh', type: 'x', sha256: SHA('b') }, { path: 'evil.sh', type: 'x', sha256: SHA('e') }] } }),
    seen('bumped@m', { installation: { scope: 'project', installPath: '/c', version: '1.1.0' } }),
    seen('extra@m'),
    { id: 'wanted@m', name: 'wanted', marketplace: 'm', enabledScope: 'local' },
  ]);
  assert.equal(r.checked, 4);
  const kinds = Object.fromEntries(r.drift.map((d) => [d.id, d.kind]));
  assert.deepEqual(kinds, { 'tampered@m': 'modified', 'gone@m': 'missing', 'bumped@m': 'version', 'extra@m': 'not-locked', 'wanted@m': 'not-locked' });
  const t = r.drift.find((d) => d.id === 'tampered@m')!;
  assert.deepEqual(t.changes, { modified: [{ path: 'a.md', from: 'f', to: 'f' }], modeChanged: [{ path: 'run.sh', from: 'f', to: 'x' }], renamed: [], added: ['evil.sh'], removed: [] });
  const text = formatDrift(r.drift).join('\n');
  for (const s of ['modified  a.md', 'mode      run.sh (file → executable)', 'added     evil.sh', 'gone@m locked but missing', 'extra@m installed but not locked']) assert.ok(text.includes(s), s);
});

test('a locked plugin that is installed but no longer enabled, or unreadable, is drift', () => {
  const r = verifyLock({ lockfileVersion: 1, plugins: [entry('ok@m'), entry('broken@m')] }, [
    { ...seen('ok@m'), enabledScope: undefined },
    { ...seen('broken@m'), tree: undefined, treeError: { code: 'TREE_TOO_DEEP', message: 'too deep' } },
  ]);
  assert.deepEqual(r.drift.map((d) => [d.id, d.kind]), [['ok@m', 'missing'], ['broken@m', 'unreadable']]);
});

test('the SessionStart message is capped however large the drift', () => {
  const many = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}@m`, kind: 'modified' as const, detail: 'x'.repeat(100), changes: { modified: [], modeChanged: [], renamed: [], added: Array.from({ length: 100 }, (_, j) => `f${j}`), removed: [] } }));
  const m = driftMessage(many, '/p/plugin-lock.json');
  assert.ok(m.additionalContext.length < 6200);
  assert.match(m.systemMessage, /300 plugins drifted/);
});
