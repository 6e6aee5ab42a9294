import { test } from 'node:test';
import { pluginIdsAreValid, RULE } from '../../../scripts/plugin/load-checks/plugin-ids-are-valid.ts';
import { json, market, runTable } from './helpers.ts';

test('pluginIdsAreValid', () => runTable(pluginIdsAreValid, RULE, [
  { name: 'plugin name with a slash', spec: { '.claude-plugin/plugin.json': json({ name: 'a/b' }) }, expect: ['error name @2'] },
  { name: 'plugin name with a leading dash', spec: { '.claude-plugin/plugin.json': json({ name: '-lead' }) }, expect: ['error name @2'] },
  { name: 'plugin name with a colon', spec: { '.claude-plugin/plugin.json': json({ name: 'x:y' }) }, expect: ['error name @2'] },
  { name: 'dots, underscores and capitals are fine', spec: { '.claude-plugin/plugin.json': json({ name: 'My_plugin.v2' }) }, expect: [] },
  { name: 'space: the claude level reports it', spec: { '.claude-plugin/plugin.json': json({ name: 'a b' }) }, expect: [] },
  { name: 'entry names and the marketplace name', spec: market([{ name: 'a/b', source: './p' }, { name: 'ok', source: './p' }], { 'p/x.md': '' }, { name: 'mkt!' }), expect: ['error name @2', 'error plugins[0].name @8'] },
  { name: 'entry name rules over plugin.json name', spec: market([{ name: 'x:y', source: './p' }], { 'p/.claude-plugin/plugin.json': json({ name: 'x:y' }) }), expect: ['error plugins[0].name @8'] },
  { name: 'bad plugin.json name under a good entry', spec: market([{ name: 'good', source: './p' }], { 'p/.claude-plugin/plugin.json': json({ name: 'x:y' }) }), expect: ['error name @2'] },
]));
