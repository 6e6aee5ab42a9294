// The PostToolUse hook runs CommonJS bundles built differently from the sources the conformance tests
// check (yaml's ES module build, loaded lazily through a stand-in). Its findings must be the sources'
// findings, file for file: the bundled check is compared with the source check on every file of every
// crafted case and on the plugin files of a spread of real corpus plugins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { REPO } from '../helpers/claude.ts';
import { CASES } from '../fixtures/crafted/cases.ts';
import { craftedRoot, materialize } from '../fixtures/crafted/record.ts';
import { checkEditedFile } from '../../scripts/hooks/post-tool-use-check.ts';
import { isPluginFile } from '../../scripts/devstudio/is-plugin-file.ts';

const HOOK = join(REPO, 'dist/hooks/post-tool-use.cjs');
const bundled = createRequire(HOOK)('./post-tool-use-check.cjs') as { checkEditedFile: typeof checkEditedFile };
/** The source check names scripts/mp.js for re-checking by hand; the bundle names dist/mp.js. */
const fromSource = (file: string) => checkEditedFile(file)?.replaceAll(join(REPO, 'scripts/mp.js'), join(REPO, 'dist/mp.js')) ?? null;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => join(e.parentPath, e.name));
}

test('the bundled hook check gives the source check\'s output on every file of every crafted case', () => {
  const root = craftedRoot();
  let compared = 0;
  let withFindings = 0;
  try {
    for (const c of CASES) {
      materialize(c, root);
      for (const file of filesUnder(join(root, c.name))) {
        const want = fromSource(file);
        assert.equal(bundled.checkEditedFile(file), want, `${c.name}: ${relative(root, file)}`);
        compared++;
        if (want !== null) withFindings++;
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  assert.ok(compared > 200 && withFindings > 100, `compared ${compared} files, ${withFindings} with findings`);
});

test('the bundled hook check gives the source check\'s output on real corpus plugin files', () => {
  const corpus = join(REPO, '../shared/corpus');
  const targets = readFileSync(join(corpus, 'verdicts.jsonl'), 'utf8').trim().split('\n').map((l) => join(corpus, 'plugins', JSON.parse(l).target as string));
  let compared = 0;
  for (const target of targets.filter((_, i) => i % 8 === 0)) {
    let files: string[];
    try { files = filesUnder(target).filter(isPluginFile).slice(0, 12); } catch { continue; } // a target that is a file
    for (const file of files) {
      assert.equal(bundled.checkEditedFile(file), fromSource(file), relative(corpus, file));
      compared++;
    }
  }
  assert.ok(compared > 200, `compared ${compared} files`);
});

test('an unrelated file loads nothing but the entry: no validator, no zod, no yaml', () => {
  const probe = `process.on('exit', () => { require('fs').writeSync(2, JSON.stringify(Object.keys(require.cache))); }); require(${JSON.stringify(HOOK)});`;
  const event = JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Edit', cwd: '/', tool_input: { file_path: '/tmp/src/app.ts' } });
  const r = spawnSync(process.execPath, ['-e', probe], { input: event, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.stdout, '');
  assert.deepEqual(JSON.parse(r.stderr), [HOOK]);
  assert.ok(readFileSync(HOOK).length < 8 * 1024, 'the entry stays small');
  // A plugin.json edit loads the check bundle, but not yaml (a manifest needs no YAML).
  const manifest = JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Edit', cwd: '/', tool_input: { file_path: join(REPO, '.claude-plugin/plugin.json') } });
  // (Without the code cache, so that the bundles go through require and show in require.cache.)
  const m = spawnSync(process.execPath, ['-e', probe], { input: manifest, encoding: 'utf8', timeout: 30_000, env: { ...process.env, MP_CODE_CACHE: '0' } });
  assert.deepEqual(JSON.parse(m.stderr.slice(m.stderr.lastIndexOf('['))).map((f: string) => relative(REPO, f)), ['dist/hooks/post-tool-use.cjs', 'dist/hooks/post-tool-use-check.cjs']);
});

test('with CLAUDE_PLUGIN_DATA the hook keeps a V8 code cache there and says exactly the same', () => {
  const data = mkdtempSync(join(tmpdir(), 'mp-plugin-data-'));
  try {
    const files = [join(REPO, '.claude-plugin/plugin.json'), join(REPO, 'commands', readdirSync(join(REPO, 'commands')).filter((f) => f.endsWith('.md')).sort()[0])];
    for (const file of files) {
      const event = JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Edit', cwd: '/', tool_input: { file_path: file } });
      const run = (env: Record<string, string>) => spawnSync(process.execPath, [HOOK], { input: event, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', ...env } });
      const plain = run({});
      for (let i = 0; i < 2; i++) {
        const cached = run({ CLAUDE_PLUGIN_DATA: data });
        assert.deepEqual([cached.status, cached.stdout, cached.stderr], [plain.status, plain.stdout, plain.stderr], `${file} run ${i}`);
      }
    }
    const kept = readdirSync(join(data, 'v8-cache')).map((f) => f.replace(/-[0-9a-f]{16}\.bin$/, '')).sort();
    assert.deepEqual(kept, ['v8-post-tool-use-check', 'v8-yaml']);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('outside Claude Code (no CLAUDE_PLUGIN_DATA) the code cache goes to the user cache; MP_CODE_CACHE=0 turns it off', () => {
  const home = mkdtempSync(join(tmpdir(), 'mp-hook-home-'));
  try {
    const event = JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Edit', cwd: '/', tool_input: { file_path: join(REPO, '.claude-plugin/plugin.json') } });
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [HOOK], { input: event, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', HOME: home, ...env } });
    const off = run({ MP_CODE_CACHE: '0' });
    assert.equal(off.status, 0);
    assert.equal(existsSync(join(home, '.cache/marketplace-pro/v8-cache')), false);
    const on = run({});
    assert.deepEqual([on.status, on.stdout], [off.status, off.stdout]);
    assert.deepEqual(readdirSync(join(home, '.cache/marketplace-pro/v8-cache')).map((f) => f.replace(/-[0-9a-f]{16}\.bin$/, '')), ['v8-post-tool-use-check']);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
