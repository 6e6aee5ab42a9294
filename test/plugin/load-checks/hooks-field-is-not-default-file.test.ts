import { test } from 'node:test';
import { hooksFieldIsNotDefaultFile, RULE } from '../../../scripts/plugin/load-checks/hooks-field-is-not-default-file.ts';
import { json, runTable } from './helpers.ts';

const HOOKS = json({ hooks: { PostToolUse: [{ hooks: [{ type: 'command', command: 'echo hi' }] }] } });

test('hooksFieldIsNotDefaultFile', () => runTable(hooksFieldIsNotDefaultFile, RULE, [
  { name: 'string points at the default file', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: './hooks/hooks.json' }), 'hooks/hooks.json': HOOKS }, expect: ['error hooks[0] @3'] },
  { name: 'array entry, written differently', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: ['./extra.json', './hooks/../hooks/hooks.json'] }), 'hooks/hooks.json': HOOKS, 'extra.json': HOOKS }, expect: ['error hooks[1] @5'] },
  { name: 'same extra file twice', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: ['./extra.json', './extra.json'] }), 'extra.json': HOOKS }, expect: ['error hooks[1] @5'] },
  { name: 'default file via a symlink', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: './more.json' }), 'hooks/hooks.json': HOOKS, 'more.json': { symlink: 'hooks/hooks.json' } }, expect: ['error hooks[0] @3'] },
  { name: 'only an additional file', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: './extra.json' }), 'hooks/hooks.json': HOOKS, 'extra.json': HOOKS }, expect: [] },
  { name: 'no default file on disk', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: './hooks/hooks.json' }), 'x.txt': '' }, expect: [] },
  { name: 'inline hooks', spec: { '.claude-plugin/plugin.json': json({ name: 'p', hooks: { PostToolUse: [] } }), 'hooks/hooks.json': HOOKS }, expect: [] },
]));
