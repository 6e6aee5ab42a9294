import { test } from 'node:test';
import { versionIsSemver, RULE } from '../../../scripts/plugin/lint/version-is-semver.ts';
import { json, market, runTable } from '../load-checks/helpers.ts';

test('versionIsSemver', () => runTable(versionIsSemver, RULE, [
  { name: 'plugin.json "one"', spec: { '.claude-plugin/plugin.json': json({ name: 'p', version: 'one' }) }, expect: ['warning version @3'] },
  { name: 'two-part entry version (v-prefix is fine: semver reads it)', spec: market([{ name: 'a', source: './a', version: '1.0' }], { 'a/.claude-plugin/plugin.json': json({ name: 'a', version: 'v1.2.3' }) }), expect: ['warning plugins[0].version @10'] },
  { name: 'semver, prerelease, no version', spec: market([{ name: 'a', source: './a', version: '2.0.0-rc.1' }, { name: 'b', source: './b' }], { 'a/.claude-plugin/plugin.json': json({ name: 'a', version: '2.0.0-rc.1' }), 'b/x.md': '' }), expect: [] },
]));
