import { test } from 'node:test';
import { entryComponentPathsExist, RULE } from '../../../scripts/plugin/load-checks/entry-component-paths-exist.ts';
import { json, market, runTable } from './helpers.ts';

const P = { 'p/.claude-plugin/plugin.json': json({ name: 'p' }), 'p/commands/a.md': '', 'p/skills/s/SKILL.md': '' };

test('entryComponentPathsExist', () => runTable(entryComponentPathsExist, RULE, [
  { name: 'missing command and agent', spec: market([{ name: 'p', source: './p', commands: ['./nope.md'], agents: './nope-agent.md' }], P), expect: ['error plugins[0].commands[0] @11', 'error plugins[0].agents[0] @13'] },
  { name: 'skills entry is a file', spec: market([{ name: 'p', source: './p', skills: './skills/s/SKILL.md' }], P), expect: ['error plugins[0].skills[0] @10'] },
  { name: 'object-form command source', spec: market([{ name: 'p', source: './p', commands: { x: { source: './gone.md' } } }], P), expect: ['error plugins[0].commands.x.source @12'] },
  { name: 'no plugin.json: the entry is the manifest', spec: market([{ name: 'p', source: './p', outputStyles: './styles' }], { 'p/x.md': '' }), expect: ['error plugins[0].outputStyles[0] @10'] },
  { name: 'all present', spec: market([{ name: 'p', source: './p', commands: ['./commands/a.md'], skills: ['./skills/s'] }], P), expect: [] },
  { name: 'strict false with plugin.json: the conflict rule owns it', spec: market([{ name: 'p', source: './p', strict: false, commands: ['./nope.md'] }], P), expect: [] },
  { name: 'remote source: nothing to check', spec: market([{ name: 'p', source: { source: 'github', repo: 'o/r' }, commands: ['./nope.md'] }]), expect: [] },
]));
