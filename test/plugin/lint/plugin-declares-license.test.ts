import { test } from 'node:test';
import { pluginDeclaresLicense, RULE } from '../../../scripts/plugin/lint/plugin-declares-license.ts';
import { json, runTable } from '../load-checks/helpers.ts';

test('pluginDeclaresLicense', () => runTable(pluginDeclaresLicense, RULE, [
  { name: 'neither field nor file', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }) }, expect: ['note license @2'] },
  { name: 'license field', spec: { '.claude-plugin/plugin.json': json({ name: 'p', license: 'MIT' }) }, expect: [] },
  { name: 'LICENSE file', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), LICENSE: 'MIT' }, expect: [] },
]));
