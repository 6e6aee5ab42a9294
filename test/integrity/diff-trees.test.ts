import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTrees, isEmptyDiff } from '../../scripts/integrity/diff-trees.ts';
import type { TreeEntry } from '../../scripts/integrity/tree-digest.ts';

const e = (path: string, type: TreeEntry['type'], sha256: string): TreeEntry => ({ path, type, sha256 });
const BASE = [e('a.md', 'f', '01'), e('b.sh', 'x', '02'), e('c/d.md', 'f', '03'), e('link', 'l', '04'), e('same1', 'f', '05'), e('same2', 'f', '05')];

test('an unchanged tree has an empty diff', () => {
  assert.ok(isEmptyDiff(diffTrees(BASE, [...BASE].reverse())));
});

test('each kind of change is named', () => {
  const after = [
    e('a.md', 'f', 'ff'), // modified
    e('b.sh', 'f', '02'), // mode changed
    e('c/moved.md', 'f', '03'), // renamed
    e('link', 'f', '04'), // type changed: modified
    e('same1', 'f', '05'),
    e('new.md', 'f', '06'), // added
    // same2 removed (same content as same1, which stayed: not a rename)
  ];
  assert.deepEqual(diffTrees(BASE, after), {
    modified: [{ path: 'a.md', from: 'f', to: 'f' }, { path: 'link', from: 'l', to: 'f' }],
    modeChanged: [{ path: 'b.sh', from: 'x', to: 'f' }],
    renamed: [{ from: 'c/d.md', to: 'c/moved.md' }],
    added: ['new.md'],
    removed: ['same2'],
  });
});

test('renames pair one to one; leftovers are added or removed', () => {
  const d = diffTrees([e('x1', 'f', 'aa'), e('x2', 'f', 'aa')], [e('y1', 'f', 'aa'), e('y2', 'f', 'aa'), e('y3', 'f', 'aa')]);
  assert.equal(d.renamed.length, 2);
  assert.deepEqual(d.added, ['y3']);
  assert.deepEqual(d.removed, []);
  // A rename that also flips the exec bit is a removal plus an addition.
  const m = diffTrees([e('r', 'f', 'aa')], [e('s', 'x', 'aa')]);
  assert.deepEqual([m.removed, m.added, m.renamed], [['r'], ['s'], []]);
});
