import { test } from 'node:test';
import { strictFalseHasNoConflict, RULE } from '../../../scripts/plugin/load-checks/strict-false-has-no-conflict.ts';
import { json, market, runTable } from './helpers.ts';

const PLUGIN = { 'p/.claude-plugin/plugin.json': json({ name: 'p' }), 'p/commands/a.md': '---\ndescription: a\n---\n' };

test('strictFalseHasNoConflict', () => runTable(strictFalseHasNoConflict, RULE, [
  { name: 'strict false, entry components, plugin.json present', spec: market([{ name: 'p', source: './p', strict: false, commands: ['./commands/a.md'] }], PLUGIN), expect: ['error plugins[0].strict @10'] },
  { name: 'experimental themes count', spec: market([{ name: 'p', source: './p', strict: false, experimental: { themes: './t' } }], PLUGIN), expect: ['error plugins[0].strict @10'] },
  { name: 'strict false without plugin.json: the entry is the manifest', spec: market([{ name: 'p', source: './p', strict: false, commands: ['./commands/a.md'] }], { 'p/commands/a.md': '' }), expect: [] },
  { name: 'strict false, no entry components', spec: market([{ name: 'p', source: './p', strict: false, description: 'd' }], PLUGIN), expect: [] },
  { name: 'strict true merges', spec: market([{ name: 'p', source: './p', commands: ['./commands/a.md'] }], PLUGIN), expect: [] },
]));
