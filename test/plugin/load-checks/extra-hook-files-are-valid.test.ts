import { test } from 'node:test';
import { extraHookFilesAreValid, RULE } from '../../../scripts/plugin/load-checks/extra-hook-files-are-valid.ts';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoadChecks } from '../../../scripts/plugin/load-checks/run-load-checks.ts';
import { testdir } from '../../helpers/testdir.ts';
import { contextsOf, json, runTable } from './helpers.ts';

const GROUP = [{ hooks: [{ type: 'command', command: 'echo hi' }] }];
const plugin = (hooks: unknown, files: Record<string, string>) => ({ '.claude-plugin/plugin.json': json({ name: 'p', hooks }), ...files });

test('extraHookFilesAreValid', () => runTable(extraHookFilesAreValid, RULE, [
  { name: 'bare event map (no wrapper)', spec: plugin('./extra.json', { 'extra.json': json({ PostToolUse: GROUP }) }), expect: ['error hooks'] },
  { name: 'broken JSON', spec: plugin(['./extra.json'], { 'extra.json': '{nope' }), expect: ['error'] },
  { name: 'unknown event', spec: plugin('./extra.json', { 'extra.json': json({ hooks: { NotAnEvent: GROUP } }) }), expect: ['error hooks.NotAnEvent @3'] },
  { name: 'timeout as a string', spec: plugin('./extra.json', { 'extra.json': json({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'x', timeout: '5' }] }] } }) }), expect: ['error hooks.Stop.0.hooks.0.timeout @9'] },
  { name: 'valid wrapper file', spec: plugin('./extra.json', { 'extra.json': json({ description: 'd', hooks: { PostToolUse: GROUP } }) }), expect: [] },
  { name: 'hooks/hooks.json is the claude level\'s', spec: plugin('./hooks/hooks.json', { 'hooks/hooks.json': '{nope' }), expect: [] },
  { name: 'missing file is the claude level\'s', spec: plugin('./gone.json', {}), expect: [] },
]));

test('extraHookFilesAreValid never reads a hook file that links outside the plugin (no secret echoed)', () => {
  const secretDir = mkdtempSync(join(tmpdir(), 'mp-secret-'));
  writeFileSync(join(secretDir, 'credentials'), 'aws_secret_access_key = TOPSECRET\n');
  const root = testdir(plugin('./extra.json', {}));
  symlinkSync(join(secretDir, 'credentials'), join(root, 'extra.json'));
  const all = contextsOf(root).flatMap((c) => runLoadChecks(c));
  assert.deepEqual(all.filter((f) => f.rule === RULE), []);
  assert.ok(!JSON.stringify(all).includes('TOPSECRET') && !JSON.stringify(all).includes('aws_secret'));
  assert.ok(all.some((f) => f.rule === 'load/symlink-escapes'));
});
