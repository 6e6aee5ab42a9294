// `mp validate` as users run it: the built bundle, spawned. Expected texts in test/fixtures/validate-cli/
// are what the real `claude plugin validate` 2.1.197 printed for the same trees (<FIXTURES> stands for
// the fixture directory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runMp } from '../../helpers/claude.ts';

const FIXTURES = join(REPO, 'test/fixtures/validate-cli');
const built = existsSync(join(REPO, 'dist/mp.js'));
const expected = (name: string) => readFileSync(join(FIXTURES, `${name}.expected.txt`), 'utf8');
const relative = (text: string) => text.split(FIXTURES).join('<FIXTURES>');

test('--claude-compat prints exactly what claude plugin validate prints, with its exit code', { skip: !built && 'dist/mp.js not built' }, () => {
  const bad = runMp(['validate', '--claude-compat', join(FIXTURES, 'plugin-bad')]);
  assert.equal(bad.code, 1);
  assert.equal(relative(bad.stdout), expected('plugin-bad'));
  assert.equal(bad.stderr, '');
  const ok = runMp(['validate', '--claude-compat', join(FIXTURES, 'market-ok')]);
  assert.equal(ok.code, 0);
  assert.equal(relative(ok.stdout), expected('market-ok'));
});

test('without --claude-compat the claude report comes first, unchanged', { skip: !built && 'dist/mp.js not built' }, () => {
  const r = runMp(['validate', join(FIXTURES, 'plugin-bad')]);
  assert.ok(relative(r.stdout).startsWith(expected('plugin-bad')), r.stdout);
  assert.ok(r.code >= 1);
});

test('several paths: one report each, in order; the exit code is the worst', { skip: !built && 'dist/mp.js not built' }, () => {
  const r = runMp(['validate', '--claude-compat', join(FIXTURES, 'market-ok'), join(FIXTURES, 'plugin-bad')]);
  assert.equal(r.code, 1);
  assert.equal(relative(r.stdout), expected('market-ok') + expected('plugin-bad'));
});

test('--strict fails on warnings only', { skip: !built && 'dist/mp.js not built' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mp-cli-'));
  try {
    writeFileSync(join(dir, 'plugin.json'), '{"name": "solo"}');
    const plain = runMp(['validate', '--claude-compat', join(dir, 'plugin.json')]);
    const strict = runMp(['validate', '--claude-compat', '--strict', join(dir, 'plugin.json')]);
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /✔ Validation passed with warnings\n$/);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /✘ Validation failed \(--strict treats warnings as errors\)\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--json: reports with blocks, extra findings and exit codes', { skip: !built && 'dist/mp.js not built' }, () => {
  const r = runMp(['validate', '--json', join(FIXTURES, 'market-ok'), join(FIXTURES, 'plugin-bad')]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.ok, false);
  assert.equal(out.exitCode, 1);
  assert.equal(out.reports.length, 2);
  const [market, plugin] = out.reports;
  assert.equal(market.kind, 'marketplace');
  assert.equal(market.claudeExitCode, 0);
  assert.deepEqual(market.blocks.map((b: { kind: string }) => b.kind), ['marketplace manifest']);
  assert.equal(plugin.kind, 'plugin');
  assert.equal(plugin.claudeExitCode, 1);
  assert.deepEqual(plugin.blocks.map((b: { kind: string }) => b.kind), ['plugin manifest', 'skill']);
  assert.deepEqual(plugin.blocks[0].errors, [{ path: 'commands', message: 'Path not found: ./missing-commands. The runtime loader will report this as a load failure.' }]);
  assert.ok(Array.isArray(plugin.extra));
});

test('a path Claude would crash on: exit 2 and its message on stderr', { skip: !built && 'dist/mp.js not built' }, () => {
  const target = join(FIXTURES, 'market-ok/.claude-plugin/marketplace.json/x');
  const r = runMp(['validate', '--claude-compat', target]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `✘ Unexpected error during validation: ENOTDIR: not a directory, statx '${target}'\n`);
});

test('usage errors exit 2 with a coded message; --help works', { skip: !built && 'dist/mp.js not built' }, () => {
  const none = runMp(['validate']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^error \[USAGE\]/);
  const bad = runMp(['validate', '--bogus', '.']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^error \[USAGE\]/);
  const help = runMp(['validate', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: mp validate/);
});

test('relative paths resolve against the working directory', { skip: !built && 'dist/mp.js not built' }, () => {
  const r = runMp(['validate', '--claude-compat', 'market-ok'], { cwd: FIXTURES });
  assert.equal(r.code, 0);
  assert.equal(relative(r.stdout), expected('market-ok'));
});
