import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCollisions } from '../../scripts/federation/find-collisions.ts';
import { CLAUDE_BUILTIN_COMMANDS } from '../../scripts/federation/claude-builtin-commands.ts';
import { cmd } from '../fixtures/federation/federation.ts';

test('two plugins with the same namespace define the same command id', () => {
  const c = findCollisions([
    { id: 'tools@a', components: [cmd('tools', 'deploy'), cmd('tools', 'test')] },
    { id: 'tools@b', components: [cmd('tools', 'deploy')] },
  ]);
  assert.deepEqual(c.map((x) => [x.type, x.id, x.plugins]), [['duplicate-id', 'tools:deploy', ['tools@a', 'tools@b']]]);
});

test('a command and a skill share the slash space; agents have their own', () => {
  const c = findCollisions([
    { id: 'x@a', components: [cmd('x', 'review'), { kind: 'agent', id: 'x:review', name: 'review' }] },
    { id: 'y@b', components: [{ kind: 'skill', id: 'x:review', name: 'review' }] },
  ]);
  assert.deepEqual(c.filter((x) => x.type === 'duplicate-id').map((x) => [x.kind, x.id]), [['command', 'x:review']]);
});

test('commands shadowing Claude Code built-ins are reported; the same plugin twice is not a collision', () => {
  const c = findCollisions([{ id: 'p@a', components: [cmd('p', 'help'), cmd('p', 'compact'), cmd('p', 'ok'), cmd('p', 'help')] }]);
  assert.deepEqual(c.map((x) => [x.type, x.id]), [['builtin', 'p:compact'], ['builtin', 'p:help'], ['builtin', 'p:help']].sort());
  assert.ok(CLAUDE_BUILTIN_COMMANDS.has('plugin') && CLAUDE_BUILTIN_COMMANDS.has('clear') && !CLAUDE_BUILTIN_COMMANDS.has('deploy'));
});
