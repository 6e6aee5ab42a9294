import { test } from 'node:test';
import { defaultFoldersAreNotShadowed, RULE } from '../../../scripts/plugin/load-checks/default-folders-are-not-shadowed.ts';
import { json, runTable } from './helpers.ts';

test('defaultFoldersAreNotShadowed', () => runTable(defaultFoldersAreNotShadowed, RULE, [
  { name: 'commands listed elsewhere', spec: { '.claude-plugin/plugin.json': json({ name: 'p', commands: ['./other/x.md'] }), 'other/x.md': '', 'commands/z.md': '' }, expect: ['warning commands @3'] },
  { name: 'agents listed elsewhere', spec: { '.claude-plugin/plugin.json': json({ name: 'p', agents: './x.md' }), 'x.md': '', 'agents/a.md': '' }, expect: ['warning agents @3'] },
  { name: 'a listed path points into the folder', spec: { '.claude-plugin/plugin.json': json({ name: 'p', commands: ['./commands/z.md'] }), 'commands/z.md': '', 'commands/y.md': '' }, expect: [] },
  { name: 'folder itself listed', spec: { '.claude-plugin/plugin.json': json({ name: 'p', commands: './commands' }), 'commands/z.md': '' }, expect: [] },
  { name: 'skills are additive', spec: { '.claude-plugin/plugin.json': json({ name: 'p', skills: './more' }), 'more/s/SKILL.md': '', 'skills/t/SKILL.md': '' }, expect: [] },
]));
