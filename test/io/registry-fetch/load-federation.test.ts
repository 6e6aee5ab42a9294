import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFederation } from '../../../scripts/io/registry-fetch/load-federation.ts';
import { mergePolicies, emptyPolicy } from '../../../scripts/policy/merge-policies.ts';
import type { PolicyDoc } from '../../../scripts/policy/types.ts';
import { resolvePlugin } from '../../../scripts/federation/resolve-plugin.ts';
import { commitAll, git, gitRegistry, githubRedirect, marketplaceTree, serveHttp } from '../../helpers/registries.ts';
import { testdir, json } from '../../helpers/testdir.ts';

function env(extra: Record<string, string> = {}): Record<string, string> {
  const home = testdir({});
  return { PATH: process.env.PATH!, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), MP_MANAGED_SETTINGS_DIR: join(home, 'managed'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra };
}
const policy = (doc: PolicyDoc) => mergePolicies([{ origin: 'project', path: '/p/.claude/policies/plugins.yaml', doc }]);
const names = (f: { registries: Array<{ spec: { name: string } }> }) => f.registries.map((r) => r.spec.name);

test('git (file://), directory and HTTP registries load in priority order, with components from the trees', async () => {
  const g = gitRegistry('internal', [{ name: 'corp-auth', description: 'SSO for corp', commands: { login: 'Log in to corp SSO' }, skills: { 'token-rotation': 'Rotate tokens' }, agents: { auditor: 'Audits access' } }]);
  const dir = marketplaceTree('team', [{ name: 'fmt', description: 'Formatter' }]);
  const http = await serveHttp({ '/m.json': json({ name: 'public', owner: { name: 'x' }, plugins: [{ name: 'corp-auth', source: { source: 'github', repo: 'evil/corp-auth' }, description: 'typosquat' }] }) });
  try {
    const e = env();
    const { federation, invalid } = await loadFederation({ cwd: testdir({}), env: e, mode: 'auto', policy: policy({ registries: [
      { name: 'public', source: `${http.url}/m.json`, priority: 50 },
      { name: 'internal', source: g.url, priority: 100 },
      { name: 'team', source: dir },
    ] }) });
    assert.deepEqual(invalid, []);
    assert.deepEqual(federation.failures, []);
    assert.deepEqual(names(federation), ['internal', 'public', 'team']);
    const [internal, pub, team] = federation.registries;
    assert.deepEqual([internal.via, internal.commit], ['fetched', g.commit]);
    assert.deepEqual(internal.plugins[0].components.map((c) => [c.kind, c.id]), [['command', 'corp-auth:login'], ['agent', 'corp-auth:auditor'], ['skill', 'corp-auth:token-rotation']]);
    assert.equal(pub.via, 'fetched');
    assert.deepEqual(pub.plugins[0].components, []); // URL registries only have their entries
    assert.equal(team.via, 'local');
    assert.ok(existsSync(join(e.XDG_CACHE_HOME, 'marketplace-pro', 'registries', 'git')));
    const entriesOnly = await loadFederation({ cwd: testdir({}), env: e, mode: 'offline', components: false, policy: policy({ registries: [{ name: 'internal', source: g.url }] }) });
    assert.deepEqual(entriesOnly.federation.registries[0].plugins.map((p) => [p.name, p.components.length]), [['corp-auth', 0]]);
    const r = resolvePlugin('corp-auth', federation, policy({ pins: { 'corp-*': 'internal' } }));
    assert.equal(r.chosen?.registry.spec.name, 'internal');
    assert.deepEqual(r.shadowed.map((c) => c.registry.spec.name), ['public']);
  } finally {
    await http.close();
  }
});

test('--offline reads the cache; refresh fetches the new commit; no cache offline is REGISTRY_UNREACHABLE', async () => {
  const g = gitRegistry('internal', [{ name: 'a' }]);
  const e = env();
  const pol = policy({ registries: [{ name: 'internal', source: g.url }] });
  const cwd = testdir({});
  const offlineFirst = await loadFederation({ cwd, env: e, mode: 'offline', policy: pol });
  assert.deepEqual(offlineFirst.federation.failures.map((f) => [f.name, f.code]), [['internal', 'REGISTRY_UNREACHABLE']]);
  await loadFederation({ cwd, env: e, mode: 'auto', policy: pol });
  marketplaceTree('internal', [{ name: 'a' }, { name: 'b' }], g.dir);
  const second = commitAll(g.dir);
  const cached = await loadFederation({ cwd, env: e, mode: 'offline', policy: pol });
  assert.deepEqual([cached.federation.registries[0].via, cached.federation.registries[0].plugins.map((p) => p.name)], ['cache', ['a']]);
  const fresh = await loadFederation({ cwd, env: e, mode: 'auto', policy: pol }); // cache younger than the TTL: still the old copy
  assert.deepEqual(fresh.federation.registries[0].plugins.map((p) => p.name), ['a']);
  const refreshed = await loadFederation({ cwd, env: e, mode: 'refresh', policy: pol });
  assert.deepEqual([refreshed.federation.registries[0].commit, refreshed.federation.registries[0].plugins.map((p) => p.name)], [second, ['a', 'b']]);
  const expired = await loadFederation({ cwd, env: { ...e, MP_REGISTRY_TTL_SECONDS: '0' }, mode: 'auto', policy: pol, now: () => Date.now() + 1000 });
  assert.equal(expired.federation.registries[0].via, 'fetched');
});

test('unreachable and invalid registries are coded failures, never silently dropped', async () => {
  const http = await serveHttp({ '/bad.json': '{"name": "x", "plugins": [', '/noname.json': json({ plugins: [] }) });
  const closed = await serveHttp({});
  await closed.close();
  try {
    const { federation } = await loadFederation({ cwd: testdir({}), env: env({ MP_HTTP_TIMEOUT_MS: '5000' }), mode: 'auto', policy: policy({ registries: [
      { name: 'gone-git', source: 'file:///nonexistent/registry.git' },
      { name: 'http-404', source: `${http.url}/missing.json` },
      { name: 'http-bad', source: `${http.url}/bad.json` },
      { name: 'http-noname', source: `${http.url}/noname.json` },
      { name: 'http-down', source: `${closed.url}/m.json` },
      { name: 'dir-missing', source: { source: 'directory', path: '/nonexistent/dir' } },
    ] }) });
    assert.deepEqual(federation.registries, []);
    assert.deepEqual(federation.failures.map((f) => [f.name, f.code]).sort(), [
      ['dir-missing', 'REGISTRY_UNREACHABLE'], ['gone-git', 'REGISTRY_UNREACHABLE'], ['http-404', 'REGISTRY_UNREACHABLE'],
      ['http-bad', 'REGISTRY_INVALID'], ['http-down', 'REGISTRY_UNREACHABLE'], ['http-noname', 'REGISTRY_INVALID'],
    ]);
  } finally {
    await http.close();
  }
});

test('a git fetch that exceeds its timeout is REGISTRY_UNREACHABLE', async () => {
  const g = gitRegistry('slow', [{ name: 'a' }]);
  const { federation } = await loadFederation({ cwd: testdir({}), env: env({ MP_GIT_TIMEOUT_MS: '1' }), mode: 'auto', policy: policy({ registries: [{ name: 'slow', source: g.url }] }) });
  assert.deepEqual(federation.failures.map((f) => f.code), ['REGISTRY_UNREACHABLE']);
  assert.match(federation.failures[0].message, /timed out/);
});

test('GitHub owner/repo is cloned from https://github.com/owner/repo.git (redirected here with insteadOf)', async () => {
  const base = testdir({});
  const g = gitRegistry('mirror', [{ name: 'gh-plugin', description: 'from github' }]);
  mkdirSync(join(base, 'corp'));
  git(base, 'clone', '-q', '--bare', g.dir, join(base, 'corp', 'mirror.git'));
  const e = env({ GIT_CONFIG_GLOBAL: githubRedirect(base) });
  const { federation } = await loadFederation({ cwd: testdir({}), env: e, mode: 'auto', policy: policy({ registries: [{ name: 'mirror', source: 'corp/mirror' }, { name: 'pinned-ref', source: { source: 'github', repo: 'corp/mirror', ref: 'main' } }] }) });
  assert.deepEqual(federation.failures, []);
  assert.deepEqual(federation.registries.map((r) => [r.spec.name, r.spec.source.source, r.plugins[0].name, r.commit]), [['mirror', 'github', 'gh-plugin', g.commit], ['pinned-ref', 'github', 'gh-plugin', g.commit]]);
});

test("Claude Code's marketplaces are registries by default: known_marketplaces.json copies are read in place, settings scopes included", async () => {
  const e = env();
  const clone = marketplaceTree('cloned', [{ name: 'from-clone' }], join(e.HOME, '.claude/plugins/marketplaces/cloned'));
  const local = marketplaceTree('localdir', [{ name: 'from-dir' }]);
  const projectMkt = marketplaceTree('projmkt', [{ name: 'from-project' }]);
  mkdirSync(join(e.HOME, '.claude/plugins'), { recursive: true });
  writeFileSync(join(e.HOME, '.claude/plugins/known_marketplaces.json'), json({
    cloned: { source: { source: 'github', repo: 'corp/cloned' }, installLocation: clone, lastUpdated: '2026-01-01T00:00:00.000Z' },
    localdir: { source: { source: 'directory', path: local }, installLocation: local },
  }));
  const cwd = testdir({ '.claude/settings.json': json({ extraKnownMarketplaces: { projmkt: { source: { source: 'directory', path: projectMkt } }, weird: { source: { source: 'pip', package: 'x' } } } }) });
  const { federation, invalid } = await loadFederation({ cwd, env: e, mode: 'offline', policy: policy({ registries: [{ name: 'localdir', priority: 5 }] }) });
  assert.deepEqual(federation.registries.map((r) => [r.spec.name, r.spec.priority, r.via, r.spec.origins]), [
    ['localdir', 5, 'local', ['known']], ['cloned', 0, 'claude', ['known']], ['projmkt', 0, 'local', ['project']],
  ]);
  assert.deepEqual(invalid.map((i) => i.name), ['weird']);
  assert.deepEqual(federation.failures, []);
});

test('a policy registry that Claude Code knows with another source is a mismatch', async () => {
  const e = env();
  const a = marketplaceTree('internal', [{ name: 'x' }]);
  const b = marketplaceTree('internal', [{ name: 'x' }]);
  mkdirSync(join(e.HOME, '.claude/plugins'), { recursive: true });
  writeFileSync(join(e.HOME, '.claude/plugins/known_marketplaces.json'), json({ internal: { source: { source: 'directory', path: b }, installLocation: b } }));
  const { federation } = await loadFederation({ cwd: testdir({}), env: e, mode: 'offline', policy: policy({ registries: [{ name: 'internal', source: a }] }) });
  assert.equal(federation.mismatches.length, 1);
  assert.deepEqual(federation.mismatches[0].claude, { source: 'directory', path: b });
});

test('inside Claude Code the cache lives in CLAUDE_PLUGIN_DATA', async () => {
  const g = gitRegistry('r', [{ name: 'a' }]);
  const data = testdir({});
  await loadFederation({ cwd: testdir({}), env: env({ CLAUDE_PLUGIN_DATA: data }), mode: 'auto', policy: policy({ registries: [{ name: 'r', source: g.url }] }) });
  assert.ok(existsSync(join(data, 'registries', 'git')));
  assert.equal(emptyPolicy().registries.length, 0);
});

test('a registry tree is untrusted: plugin paths and component files that leave it are not read', async () => {
  const outside = testdir({ 'commands/secret.md': '---\ndescription: outside the registry\n---\n', 'SKILL.md': '---\ndescription: leaked\n---\n' });
  const reg = marketplaceTree('hostile', [{ name: 'escape', source: './plugins/escape' }, { name: 'dotdot', source: '../outside' }, { name: 'inner', commands: { ok: 'fine' } }]);
  const { symlinkSync } = await import('node:fs');
  mkdirSync(join(reg, 'plugins'), { recursive: true });
  symlinkSync(outside, join(reg, 'plugins/escape'));
  symlinkSync(join(outside, 'commands/secret.md'), join(reg, 'plugins/inner/commands/linked.md'));
  mkdirSync(join(reg, 'plugins/inner/skills/s'), { recursive: true });
  symlinkSync(join(outside, 'SKILL.md'), join(reg, 'plugins/inner/skills/s/SKILL.md'));
  const { federation } = await loadFederation({ cwd: testdir({}), env: env(), mode: 'offline', policy: policy({ registries: [{ name: 'hostile', source: reg }] }) });
  const byName = Object.fromEntries(federation.registries[0].plugins.map((p) => [p.name, p.components.map((c) => c.id)]));
  assert.deepEqual(byName, { escape: [], dotdot: [], inner: ['inner:ok'] });
});
