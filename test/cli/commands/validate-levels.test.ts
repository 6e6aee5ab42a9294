// mp validate's levels beyond Claude: the load level by default, --claude-compat to turn it off,
// --lint to add the lint level, --sarif for code scanning. Run in-process through the dispatcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../scripts/cli/main.ts';
import { runClaude, tempHome } from '../../helpers/claude.ts';
import { json, testdir } from '../../helpers/testdir.ts';

const PLUGIN = testdir({
  '.claude-plugin/plugin.json': json({ name: 'p', version: '1.0.0', description: 'd', author: { name: 'a' }, hooks: './hooks/hooks.json' }),
  'hooks/hooks.json': json({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'echo done' }] }] } }),
  'commands/review.md': '---\ndescription: Review the diff\n---\nReview\n',
});

async function mp(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', ...argv], { cwd: PLUGIN, env: {}, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

test('default: Claude\'s report, then the load failures it misses (exit 1)', async () => {
  const r = await mp('.');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /✔ Validation passed\n\nLoad failures claude plugin validate misses:\n/);
  assert.match(r.stdout, /\[load\/hooks-duplicate-file\]/);
  assert.doesNotMatch(r.stdout, /Lint findings/);
});

test('--claude-compat: byte-identical to the real claude plugin validate, same exit code', async () => {
  const r = await mp('--claude-compat', PLUGIN);
  const home = tempHome();
  const claude = runClaude(['plugin', 'validate', PLUGIN], { home, cwd: home });
  assert.equal(r.code, claude.code);
  assert.equal(r.stdout, claude.stdout);
});

test('--lint adds the lint level', async () => {
  const r = await mp('--lint', '.');
  assert.match(r.stdout, /\nLint findings:\n/);
  assert.match(r.stdout, /\[lint\/shadows-builtin\]/);
  assert.match(r.stdout, /\[lint\/always-on-tokens\]/);
  const compat = await mp('--lint', '--claude-compat', '.');
  assert.doesNotMatch(compat.stdout, /Lint findings|Load failures/);
});

test('--sarif prints one SARIF log with every level; --json with --sarif is a usage error', async () => {
  const r = await mp('--sarif', '--lint', '.');
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const ids = new Set(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId));
  assert.ok(ids.has('load/hooks-duplicate-file') && ids.has('lint/shadows-builtin'));
  const loc = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'load/hooks-duplicate-file').locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: '.claude-plugin/plugin.json', uriBaseId: '%SRCROOT%' });
  const compat = JSON.parse((await mp('--sarif', '--claude-compat', '.')).stdout);
  assert.deepEqual(compat.runs[0].results, []);
  const both = await mp('--sarif', '--json', '.');
  assert.equal(both.code, 2);
  assert.match(both.stdout + both.stderr, /USAGE/);
});
