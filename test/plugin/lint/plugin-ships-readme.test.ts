import { test } from 'node:test';
import { pluginShipsReadme, RULE } from '../../../scripts/plugin/lint/plugin-ships-readme.ts';
import { json, runTable } from '../load-checks/helpers.ts';

test('pluginShipsReadme', () => runTable(pluginShipsReadme, RULE, [
  { name: 'missing', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }) }, expect: ['note'] },
  { name: 'README.md', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'README.md': '# p' }, expect: [] },
  { name: 'readme.rst', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'readme.rst': 'p' }, expect: [] },
]));
