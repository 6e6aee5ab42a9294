// The oracle for level 2: every load failure we claim `claude plugin validate` misses is shown to be real
// with the real Claude Code 2.1.197 (fresh HOME): validate passes, then install / `plugin list` /
// `mcp list` / a session's debug log show the failure, and our rule fires on the same plugin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runClaude, tempHome } from '../../helpers/claude.ts';
import { testdir, json } from '../../helpers/testdir.ts';
import { runLoadChecks } from '../../../scripts/plugin/load-checks/run-load-checks.ts';
import { readGitTags } from '../../../scripts/io/git-tags.ts';
import { contextsOf } from './helpers.ts';

const CMD = '---\ndescription: c\n---\nbody\n';
const HOOKS = (event: string, command: string, matcher?: string) => json({ hooks: { [event]: [{ ...(matcher ? { matcher } : {}), hooks: [{ type: 'command', command }] }] } });
const manifest = (name: string, extra: Record<string, unknown> = {}) => json({ name, version: '1.0.0', description: 'd', author: { name: 'a' }, ...extra });

/** plugin name → [files, entry extras, the rule we expect to fire]. */
const PLUGINS: Record<string, [Record<string, string | { content: string; mode: number }>, Record<string, unknown>, string | null]> = {
  'dup-hooks': [{ '.claude-plugin/plugin.json': manifest('dup-hooks', { hooks: './hooks/hooks.json' }), 'hooks/hooks.json': HOOKS('Stop', 'echo hi') }, {}, 'load/hooks-duplicate-file'],
  'bad-extra-hooks': [{ '.claude-plugin/plugin.json': manifest('bad-extra-hooks', { hooks: './extra.json' }), 'extra.json': json({ PostToolUse: [{ hooks: [{ type: 'command', command: 'x' }] }] }) }, {}, 'load/extra-hooks-file-invalid'],
  'strict-conflict': [{ '.claude-plugin/plugin.json': manifest('strict-conflict'), 'commands/a.md': CMD }, { strict: false, commands: ['./commands/a.md'] }, 'load/strict-false-conflict'],
  'entry-path': [{ '.claude-plugin/plugin.json': manifest('entry-path') }, { commands: ['./nope.md'] }, 'load/entry-path-missing'],
  'style-missing': [{ '.claude-plugin/plugin.json': manifest('style-missing', { outputStyles: './missing' }) }, {}, 'load/path-not-found'],
  'dep-not-range': [{ '.claude-plugin/plugin.json': manifest('dep-not-range', { dependencies: [{ name: 'lib', version: 'not a range' }] }) }, {}, 'load/dependency-range-invalid'],
  'dep-no-tag': [{ '.claude-plugin/plugin.json': manifest('dep-no-tag', { dependencies: [{ name: 'lib', version: '^2.0.0' }] }) }, {}, 'load/dependency-unsatisfiable'],
  'dep-ghost': [{ '.claude-plugin/plugin.json': manifest('dep-ghost', { dependencies: ['ghost'] }) }, {}, 'load/dependency-not-found'],
  'dep-caret': [{ '.claude-plugin/plugin.json': manifest('dep-caret', { dependencies: ['lib@^2.0.0'] }) }, {}, 'load/dependency-range-dropped'],
  links: [{ '.claude-plugin/plugin.json': manifest('links'), 'commands/c.md': CMD }, {}, 'load/symlink-escapes'],
  'dep-cross': [{ '.claude-plugin/plugin.json': manifest('dep-cross', { dependencies: ['olib@other-mkt'] }) }, {}, 'load/cross-marketplace-dependency'],
  shadow: [{ '.claude-plugin/plugin.json': manifest('shadow', { commands: ['./other/x.md'] }), 'other/x.md': CMD, 'commands/z.md': CMD }, {}, 'load/folder-shadowed'],
  'bad-mcp': [{ '.claude-plugin/plugin.json': manifest('bad-mcp'), '.mcp.json': json({ mcpServers: { s: { command: '' } } }) }, {}, 'load/mcp-config-invalid'],
  'bad-mcp-json': [{ '.claude-plugin/plugin.json': manifest('bad-mcp-json'), '.mcp.json': '{bad' }, {}, 'load/mcp-config-invalid'],
  'good-mcp': [{ '.claude-plugin/plugin.json': manifest('good-mcp'), '.mcp.json': json({ mcpServers: { s: { command: 'true' } } }) }, {}, null],
  'hook-noexec': [{ '.claude-plugin/plugin.json': manifest('hook-noexec'), 'hooks/hooks.json': HOOKS('SessionStart', '"${CLAUDE_PLUGIN_ROOT}/hooks/run.sh"'), 'hooks/run.sh': { content: '#!/bin/sh\necho RAN\n', mode: 0o644 } }, {}, 'load/hook-script-not-executable'],
  'hook-missing': [{ '.claude-plugin/plugin.json': manifest('hook-missing'), 'hooks/hooks.json': HOOKS('SessionStart', '${CLAUDE_PLUGIN_ROOT}/hooks/nope.sh') }, {}, 'load/hook-script-missing'],
  'hook-relative': [{ '.claude-plugin/plugin.json': manifest('hook-relative'), 'hooks/hooks.json': HOOKS('SessionStart', 'sh hooks/rel.sh'), 'hooks/rel.sh': '#!/bin/sh\necho REL\n' }, {}, 'load/hook-path-relative'],
  'hook-option': [{ '.claude-plugin/plugin.json': manifest('hook-option'), 'hooks/hooks.json': HOOKS('SessionStart', 'echo ${user_config.nokey}') }, {}, 'load/user-config-undeclared'],
  'hook-matcher': [{ '.claude-plugin/plugin.json': manifest('hook-matcher'), 'hooks/hooks.json': HOOKS('SessionStart', 'echo MATCHED', 'start(') }, {}, 'load/hook-matcher-invalid'],
  'big-command': [{ '.claude-plugin/plugin.json': manifest('big-command'), 'commands/big.md': CMD + 'x'.repeat(1_048_576) }, {}, 'load/component-too-large'],
  'agent-perm': [{ '.claude-plugin/plugin.json': manifest('agent-perm'), 'agents/a.md': '---\ndescription: x\npermissionMode: acceptEdits\n---\nbody\n' }, {}, 'load/agent-key-ignored'],
  lib: [{ '.claude-plugin/plugin.json': manifest('lib') }, {}, null],
};

function buildMarketplace(): string {
  const spec: Record<string, string | { content: string; mode: number }> = {};
  const entries: Array<Record<string, unknown>> = [];
  for (const [name, [files, extra]] of Object.entries(PLUGINS)) {
    for (const [rel, content] of Object.entries(files)) spec[`${name}/${rel}`] = content;
    entries.push({ name, source: `./${name}`, ...extra });
  }
  entries.push({ name: 'missing-source', source: './does-not-exist' }, { name: 'rooted', source: './rooted' });
  spec['plugins/rooted/.claude-plugin/plugin.json'] = manifest('rooted');
  spec['.claude-plugin/marketplace.json'] = json({ name: 'oracle', owner: { name: 'o' }, description: 'd', metadata: { pluginRoot: './plugins' }, plugins: entries });
  spec['other/.claude-plugin/marketplace.json'] = json({ name: 'other-mkt', owner: { name: 'o' }, description: 'd', plugins: [{ name: 'olib', source: './olib' }] });
  spec['other/olib/.claude-plugin/plugin.json'] = manifest('olib');
  spec['shared/a.md'] = CMD;
  const root = testdir(spec);
  // links/: one link stays inside the marketplace repo, one leaves it.
  symlinkSync('../../shared/a.md', join(root, 'links/commands/shared.md'));
  symlinkSync(OUTSIDE, join(root, 'links/commands/leak.md'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'init');
  git('tag', 'lib--v1.0.0');
  return root;
}

const OUTSIDE = join(mkdtempSync(join(tmpdir(), 'outside-')), 'secret.md');
writeFileSync(OUTSIDE, CMD);
const ROOT = buildMarketplace();
const HOME = tempHome();
const claude = (...args: string[]) => runClaude(args, { home: HOME, cwd: HOME, timeoutMs: 90_000 });

/** Our findings per plugin name (entry name), for the marketplace as a whole. */
function oursByPlugin(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ctx of contextsOf(ROOT, readGitTags)) {
    const name = String(ctx.marketplace?.entry?.name ?? '(marketplace)');
    for (const f of runLoadChecks(ctx)) out.set(name, (out.get(name) ?? new Set()).add(f.rule));
  }
  return out;
}

test('claude plugin validate passes the marketplace and every plugin in it', () => {
  assert.equal(claude('plugin', 'validate', ROOT).code, 0);
  for (const name of Object.keys(PLUGINS)) assert.equal(claude('plugin', 'validate', join(ROOT, name)).code, 0, name);
});

test('install and plugin list show each load failure, and our rule fires on that plugin', () => {
  const ours = oursByPlugin();
  assert.equal(claude('plugin', 'marketplace', 'add', join(ROOT, 'other')).code, 0);
  assert.equal(claude('plugin', 'marketplace', 'add', ROOT).code, 0);
  // dep-not-range goes last: its invalid range is intersected with every later dependent's and breaks them too.
  const installs = new Map<string, string>();
  for (const name of [...Object.keys(PLUGINS).filter((n) => n !== 'dep-not-range'), 'dep-not-range']) {
    const r = claude('plugin', 'install', `${name}@oracle`);
    installs.set(name, r.stdout + r.stderr);
    if (name !== 'dep-not-range') assert.equal(r.code, 0, `${name}: ${r.stdout}${r.stderr}`);
  }
  const missing = claude('plugin', 'install', 'missing-source@oracle');
  assert.match(missing.stdout + missing.stderr, /Source path does not exist/);
  assert.ok(ours.get('missing-source')?.has('load/source-missing'));
  const rooted = claude('plugin', 'install', 'rooted@oracle');
  assert.match(rooted.stdout + rooted.stderr, /Source path does not exist: .*\/rooted/);
  assert.ok(ours.get('rooted')?.has('load/plugin-root-ignored'));

  const list = claude('plugin', 'list').stdout;
  const block = (name: string) => list.split('❯ ').find((b) => b.startsWith(`${name}@oracle`)) ?? '';
  const expected: Record<string, RegExp> = {
    'dup-hooks': /failed to load[\s\S]*Duplicate hooks file detected/,
    'bad-extra-hooks': /failed to load[\s\S]*Hook load failed/,
    'strict-conflict': /failed to load[\s\S]*conflicting manifests/,
    'entry-path': /failed to load[\s\S]*Path not found: .*nope\.md \(commands\)/,
    'style-missing': /failed to load[\s\S]*Path not found: .*missing \(output-styles\)/,
    'dep-no-tag': /failed to load[\s\S]*Requires "lib@oracle" \^2\.0\.0, installed 1\.0\.0/,
    'dep-ghost': /failed to load[\s\S]*Dependency "ghost@oracle" is not installed/,
    'dep-cross': /failed to load[\s\S]*Dependency "olib@other-mkt" is not installed/,
    shadow: /Default commands\/ folder is ignored because the manifest sets "commands"/,
  };
  for (const [name, re] of Object.entries(expected)) {
    assert.match(block(name), re, `claude: ${name}\n${block(name)}`);
    assert.ok(ours.get(name)?.has(PLUGINS[name][2]!), `ours: ${name} → ${[...(ours.get(name) ?? [])]}`);
  }
  // With lib already installed the plugin installs and fails to load; otherwise the install itself fails.
  assert.match(block('dep-not-range') + installs.get('dep-not-range'), /Requires "lib@oracle" not a range, installed 1\.0\.0|has an invalid version requirement among: not a range/);
  assert.ok(ours.get('dep-not-range')?.has('load/dependency-range-invalid'));
  assert.match(block('lib'), /✔ enabled/);
  // "lib@^2.0.0": the range is dropped, so lib 1.0.0 satisfies the plugin and it loads.
  assert.match(block('dep-caret'), /✔ enabled/);
  assert.ok(ours.get('dep-caret')?.has('load/dependency-range-dropped'));
  // The install copy keeps the link that stays in the marketplace (materialized) and drops the one that leaves it.
  const installed = JSON.parse(readFileSync(join(HOME, '.claude/plugins/installed_plugins.json'), 'utf8')).plugins['links@oracle'][0].installPath as string;
  assert.ok(existsSync(join(installed, 'commands/shared.md')) && !lstatSync(join(installed, 'commands/shared.md')).isSymbolicLink());
  assert.ok(!existsSync(join(installed, 'commands/leak.md')) && existsSync(join(installed, 'commands/c.md')));
  assert.deepEqual([...(ours.get('links') ?? [])], ['load/symlink-escapes']);
  assert.equal(ours.get('lib'), undefined, 'no findings on the healthy dependency');
});

test('claude mcp list drops the servers of an invalid .mcp.json', () => {
  const out = claude('mcp', 'list').stdout;
  assert.match(out, /plugin:good-mcp:s/);
  assert.doesNotMatch(out, /plugin:bad-mcp:s|plugin:bad-mcp-json:/);
  const ours = oursByPlugin();
  for (const name of ['bad-mcp', 'bad-mcp-json']) assert.ok(ours.get(name)?.has('load/mcp-config-invalid'), name);
  assert.equal(ours.get('good-mcp'), undefined);
});

test('a session shows the runtime failures in its debug log', async () => {
  const port = await freePort();
  const debug = join(HOME, 'debug.txt');
  runClaude(['-p', 'hi', '--debug-file', debug], { home: HOME, cwd: HOME, timeoutMs: 90_000, env: { ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, ANTHROPIC_API_KEY: 'dummy', CLAUDE_CODE_MAX_RETRIES: '0' } });
  const log = readFileSync(debug, 'utf8');
  const expected: Record<string, RegExp> = {
    'hook-noexec': /hook-noexec\/hooks\/run\.sh: Permission denied/,
    'hook-missing': /hook-missing\/hooks\/nope\.sh: not found/,
    'hook-relative': /hooks\/rel\.sh: (No such file|not found|can't open)/i,
    'hook-option': /Plugin option "nokey" isn't set/,
    'hook-matcher': /Invalid regex pattern in hook matcher: start\(/,
    'big-command': /Skipping plugin command .*big-command\/commands\/big\.md: not a regular file or exceeds 1048576 byte limit/,
    'agent-perm': /Plugin agent file .*agent-perm\/agents\/a\.md sets permissionMode, which is ignored for plugin agents/,
  };
  const ours = oursByPlugin();
  for (const [name, re] of Object.entries(expected)) {
    assert.match(log, re, `claude: ${name}`);
    assert.ok(ours.get(name)?.has(PLUGINS[name][2]!), `ours: ${name} → ${[...(ours.get(name) ?? [])]}`);
  }
  assert.doesNotMatch(log, /MATCHED/);
});

test('a name that breaks the plugin ID regex hides every installed plugin', () => {
  const root = testdir({
    '.claude-plugin/marketplace.json': json({ name: 'ids', owner: { name: 'o' }, description: 'd', plugins: [{ name: 'ok', source: './p' }, { name: 'a/b', source: './p' }] }),
    'p/.claude-plugin/plugin.json': manifest('p'),
  });
  const home = tempHome();
  const run = (...args: string[]) => runClaude(args, { home, cwd: home, timeoutMs: 90_000 });
  assert.equal(run('plugin', 'validate', root).code, 0);
  run('plugin', 'marketplace', 'add', root);
  run('plugin', 'install', 'ok@ids');
  assert.match(run('plugin', 'list').stdout, /ok@ids/);
  assert.equal(run('plugin', 'install', 'a/b@ids').code, 0);
  assert.match(run('plugin', 'list').stdout, /No plugins installed/);
  const ours = contextsOf(root).flatMap((c) => runLoadChecks(c)).filter((f) => f.rule === 'load/invalid-plugin-id');
  assert.deepEqual(ours.map((f) => f.path), ['plugins[1].name']);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
