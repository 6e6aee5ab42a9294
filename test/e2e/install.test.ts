// End to end with the real Claude Code 2.1.197: a user clones the repository, adds it as a marketplace
// and installs `mp`. What is installed is the committed HEAD (git clone over file://, no node_modules)
// plus, while developing, the working-tree versions of the plugin's own files (see userClone); the test
// prints which files those were, so a pass always says what it covered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runClaude, tempHome } from '../helpers/claude.ts';
import { userClone, type UserClone } from '../helpers/user-clone.ts';

let clone: UserClone;
let home: string;
let installPath: string;

before(() => {
  clone = userClone();
  home = tempHome('mp-e2e-install-');
});

after(() => {
  clone?.cleanup();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('what is installed', (t) => {
  t.diagnostic(`clone of HEAD ${clone.head.slice(0, 12)} at ${clone.dir}`);
  t.diagnostic(clone.overlaid.length === 0 ? 'installing HEAD exactly as committed' : `installing HEAD plus ${clone.overlaid.length} working-tree plugin file(s): ${clone.overlaid.slice(0, 20).join(', ')}${clone.overlaid.length > 20 ? ', …' : ''}`);
  assert.ok(!existsSync(join(clone.dir, 'node_modules')), 'a clone has no node_modules');
  assert.ok(!existsSync(join(clone.dir, 'CLAUDE.md')), 'no CLAUDE.md at the plugin root (Claude Code never loads it)');
  for (const f of ['dist/mp.js', 'dist/hooks/post-tool-use.cjs']) assert.ok(existsSync(join(clone.dir, f)), `${f} is in the clone (run npm run build; dist/ must be committed)`);
});

test('claude plugin validate --strict passes for the repo, plugin.json and marketplace.json', () => {
  for (const target of ['.', '.claude-plugin/plugin.json', '.claude-plugin/marketplace.json']) {
    const r = runClaude(['plugin', 'validate', '--strict', target], { home, cwd: clone.dir });
    assert.equal(r.code, 0, `claude plugin validate --strict ${target}:\n${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /✔ Validation passed\n/);
  }
});

test('claude plugin marketplace add + install mp@marketplace-pro', () => {
  const add = runClaude(['plugin', 'marketplace', 'add', clone.dir], { home, cwd: home });
  assert.equal(add.code, 0, add.stdout + add.stderr);
  assert.match(add.stdout, /Successfully added marketplace: marketplace-pro/);

  // Claude Code runs `npm ci --ignore-scripts` in the copied plugin when it finds package-lock.json
  // (that is most of this step's time); a failure there is only a warning, so allow it its 60 s.
  const install = runClaude(['plugin', 'install', 'mp@marketplace-pro'], { home, cwd: home, timeoutMs: 180_000 });
  assert.equal(install.code, 0, install.stdout + install.stderr);
  assert.match(install.stdout, /Successfully installed plugin: mp@marketplace-pro/);
});

test('claude plugin list --json shows mp enabled', () => {
  const r = runClaude(['plugin', 'list', '--json'], { home, cwd: home });
  assert.equal(r.code, 0, r.stderr);
  const list = JSON.parse(r.stdout) as Array<{ id: string; version: string; enabled: boolean; installPath: string }>;
  const mp = list.find((p) => p.id === 'mp@marketplace-pro');
  assert.ok(mp, `mp@marketplace-pro in ${r.stdout}`);
  assert.equal(mp.enabled, true);
  assert.equal(mp.version, '0.1.0');
  installPath = mp.installPath;
  assert.ok(existsSync(join(installPath, '.claude-plugin/plugin.json')));
});

test('claude plugin details mp lists the commands (as skills), the skill, the agent and the PostToolUse hook', () => {
  const r = runClaude(['plugin', 'details', 'mp@marketplace-pro'], { home, cwd: home });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^mp 0\.1\.0$/m);
  const row = (label: string): string[] => {
    const m = new RegExp(`^\\s+${label} \\((\\d+)\\)\\s+(.*)$`, 'm').exec(r.stdout);
    assert.ok(m, `no "${label}" row in:\n${r.stdout}`);
    const items = m[2].split(/,\s*/).map((s) => s.replace(/\s+\(.*\)$/, '').trim()).filter(Boolean);
    assert.equal(items.length, Number(m[1]), `${label} count vs names in: ${m[0]}`);
    return items;
  };
  const skills = row('Skills');
  assert.ok(skills.includes('validate'), `the /mp:validate command is listed: ${skills}`);
  assert.ok(skills.includes('devstudio'), `the devstudio skill is listed: ${skills}`);
  assert.ok(row('Agents').includes('marketplace-advisor'), r.stdout);
  assert.ok(row('Hooks').includes('PostToolUse'), r.stdout);
});

test('the installed copy runs on its own: dist/ is self-contained (hook fast path, mp validate)', () => {
  assert.ok(installPath, 'install step ran');
  // Claude Code may have run npm ci in installPath; copy dist/ out so nothing can resolve from node_modules.
  const bare = join(home, 'bare');
  cpSync(join(installPath, 'dist'), join(bare, 'dist'), { recursive: true });
  const env = { PATH: process.env.PATH ?? '' };
  const event = JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Write', cwd: home, tool_input: { file_path: join(home, 'notes.txt'), content: 'x' } });
  const hook = spawnSync(process.execPath, [join(bare, 'dist/hooks/post-tool-use.cjs')], { input: event, encoding: 'utf8', timeout: 30_000, cwd: home, env });
  assert.equal(hook.status, 0, hook.stderr);
  assert.equal(hook.stdout, '');

  const v = spawnSync(process.execPath, [join(bare, 'dist/mp.js'), 'validate', installPath], { encoding: 'utf8', timeout: 60_000, cwd: home, env });
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /✔ Validation passed/);
});
