// mp registry, spawned from the committed bundle (dist/mp.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { REPO, runMp, type RunResult } from '../../helpers/claude.ts';
import { commitAll, gitRegistry, marketplaceTree, serveHttp } from '../../helpers/registries.ts';
import { json, testdir } from '../../helpers/testdir.ts';

function project(policy?: string): { cwd: string; env: Record<string, string>; policyPath: string } {
  const home = testdir({});
  const cwd = testdir(policy === undefined ? {} : { '.claude/policies/plugins.yaml': policy });
  return { cwd, policyPath: join(cwd, '.claude/policies/plugins.yaml'), env: { HOME: home, XDG_CACHE_HOME: join(home, '.cache'), MP_MANAGED_SETTINGS_DIR: join(home, 'managed'), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', CLAUDE_PROJECT_DIR: '', MP_ORG_POLICY: '', CLAUDE_PLUGIN_DATA: '' } };
}
const mp = (p: ReturnType<typeof project>, ...args: string[]) => runMp(args, { cwd: p.cwd, env: p.env, timeoutMs: 60_000 });

/** Asynchronous spawn, for tests whose HTTP server runs in this process (a sync spawn would block it). */
function mpAsync(p: ReturnType<typeof project>, ...args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'dist/mp.js'), ...args], { cwd: p.cwd, env: { ...process.env, ...p.env }, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('add a git registry (file://) and a directory, list them in priority order, remove one', () => {
  const p = project();
  const g = gitRegistry('internal', [{ name: 'corp-auth' }, { name: 'lint' }]);
  const add = mp(p, 'registry', 'add', g.url, '--priority', '100', '--json');
  assert.equal(add.code, 0, add.stdout + add.stderr);
  assert.deepEqual(JSON.parse(add.stdout).registry, { name: 'internal', source: g.url, priority: 100 });
  const local = marketplaceTree('team', [{ name: 'fmt' }], join(p.cwd, 'vendor/team'));
  assert.equal(mp(p, 'registry', 'add', './vendor/team').code, 0);
  assert.match(readFileSync(p.policyPath, 'utf8'), /source: \.\/vendor\/team/); // stored relative to the project
  const list = JSON.parse(mp(p, 'registry', '--json').stdout);
  assert.deepEqual(list.registries.map((r: { name: string; priority: number; plugins: number; allowed: boolean }) => [r.name, r.priority, r.plugins, r.allowed]), [['internal', 100, 2, true], ['team', 0, 1, true]]);
  assert.ok(local);
  const rm = mp(p, 'registry', 'remove', 'team');
  assert.equal(rm.code, 0);
  assert.doesNotMatch(readFileSync(p.policyPath, 'utf8'), /team/);
  const again = mp(p, 'registry', 'remove', 'team', '--json');
  assert.deepEqual([again.code, JSON.parse(again.stdout).error.code], [2, 'REGISTRY_NOT_FOUND']);
});

test('add keeps the comments and rules of an existing policy', () => {
  const p = project('# owned by platform team\nplugins:\n  block: [evil-*]  # never\n');
  const d = marketplaceTree('team', [{ name: 'fmt' }]);
  assert.equal(mp(p, 'registry', 'add', d, '--name', 'team').code, 0);
  const text = readFileSync(p.policyPath, 'utf8');
  assert.match(text, /# owned by platform team/);
  assert.match(text, /# never/);
  assert.match(text, /- name: team/);
});

test('a registry the policy forbids is denied before it is fetched, and nothing is written', async () => {
  const http = await serveHttp({ '/m.json': json({ name: 'evil', owner: { name: 'x' }, plugins: [] }) });
  try {
    const policy = 'sources: {blockHosts: ["127.0.0.1"]}\n';
    const p = project(policy);
    const r = await mpAsync(p, 'registry', 'add', `${http.url}/m.json`, '--json');
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout).rule, 'sources.blockHosts');
    assert.equal(http.hits.size, 0, 'the blocked host was contacted');
    assert.equal(readFileSync(p.policyPath, 'utf8'), policy);
    const named = project('marketplaces: {block: [evil]}\n');
    const r2 = await mpAsync(named, 'registry', 'add', `${http.url}/m.json`, '--json');
    assert.deepEqual([r2.code, JSON.parse(r2.stdout).rule], [1, 'marketplaces.block']);
  } finally {
    await http.close();
  }
});

test('an unreachable or invalid registry is a coded error and is not added', async () => {
  const p = project();
  const r = mp(p, 'registry', 'add', 'file:///nonexistent/repo.git', '--json');
  assert.deepEqual([r.code, JSON.parse(r.stdout).error.code], [2, 'REGISTRY_UNREACHABLE']);
  const bad = marketplaceTree('x', []);
  const notJson = testdir({ 'm.json': '{oops' });
  const r2 = mp(p, 'registry', 'add', join(notJson, 'm.json'), '--json');
  assert.deepEqual([r2.code, JSON.parse(r2.stdout).error.code], [2, 'REGISTRY_INVALID']);
  assert.equal(existsSync(p.policyPath), false);
  assert.ok(bad);
  const usage = mp(p, 'registry', 'add', '--json');
  assert.deepEqual([usage.code, JSON.parse(usage.stdout).error.code], [2, 'USAGE']);
  assert.equal(mp(p, 'registry', 'add', 'x/y', '--priority', 'high').code, 2);
});

test('a broken policy file is never rewritten', () => {
  const p = project('plugins: [\n');
  const d = marketplaceTree('team', [{ name: 'fmt' }]);
  const r = mp(p, 'registry', 'add', d, '--json');
  assert.deepEqual([r.code, JSON.parse(r.stdout).error.code], [2, 'POLICY_PARSE']);
  assert.equal(readFileSync(p.policyPath, 'utf8'), 'plugins: [\n');
});

test('update fetches the new commit; --offline list reads the cache', () => {
  const p = project();
  const g = gitRegistry('internal', [{ name: 'a' }]);
  assert.equal(mp(p, 'registry', 'add', g.url).code, 0);
  marketplaceTree('internal', [{ name: 'a' }, { name: 'b' }], g.dir);
  const head = commitAll(g.dir);
  const before = JSON.parse(mp(p, 'registry', 'list', '--json').stdout).registries[0];
  assert.equal(before.plugins, 1);
  const up = JSON.parse(mp(p, 'registry', 'update', '--json').stdout);
  assert.deepEqual(up.registries.map((r: { name: string; via: string; commit: string; plugins: number }) => [r.name, r.via, r.commit, r.plugins]), [['internal', 'fetched', head, 2]]);
  const missing = mp(p, 'registry', 'update', 'nope', '--json');
  assert.deepEqual([missing.code, JSON.parse(missing.stdout).error.code], [2, 'REGISTRY_NOT_FOUND']);
});
