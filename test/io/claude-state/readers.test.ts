// The Claude Code state readers, checked against what the real CLI (2.1.197) writes in a fresh HOME.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claudePaths, pluginCachePath } from '../../../scripts/io/claude-state/paths.ts';
import { installationFor, readInstalledPlugins } from '../../../scripts/io/claude-state/installed-plugins.ts';
import { readKnownMarketplaces } from '../../../scripts/io/claude-state/known-marketplaces.ts';
import { projectEnabledPlugins, readAllSettings } from '../../../scripts/io/claude-state/settings.ts';
import { readMarketplaceManifest, readPluginManifest } from '../../../scripts/io/claude-state/manifests.ts';
import { json } from '../../helpers/testdir.ts';
import { mustOk, projectFixture, type Fixture } from '../../lock/project-fixture.ts';

let fx: Fixture;
before(() => {
  fx = projectFixture();
  mustOk(fx.claude(['plugin', 'marketplace', 'add', fx.registry]), 'marketplace add');
  mustOk(fx.claude(['plugin', 'install', 'hello@acme', '--scope', 'project']), 'install hello (+ lib)');
  mustOk(fx.claude(['plugin', 'install', 'solo@acme', '--scope', 'local']), 'install solo');
});
after(() => fx?.cleanup());

test('installed_plugins.json: every installation, with scope, projectPath, version, commit and auto', () => {
  const all = readInstalledPlugins(claudePaths(fx.env));
  const by = Object.fromEntries(all.map((i) => [i.id, i]));
  assert.deepEqual(Object.keys(by).sort(), ['hello@acme', 'lib@acme', 'solo@acme']);
  assert.equal(by['hello@acme'].scope, 'project');
  assert.equal(by['hello@acme'].projectPath, fx.project);
  assert.equal(by['hello@acme'].version, '1.0.0');
  assert.match(by['hello@acme'].gitCommitSha ?? '', /^[0-9a-f]{40}$/);
  assert.equal(by['lib@acme'].auto, true);
  assert.equal(by['lib@acme'].resolvedVersion, '1.2.0');
  assert.equal(by['solo@acme'].scope, 'local');
  for (const i of all) assert.equal(i.installPath, pluginCachePath(claudePaths(fx.env), i.marketplace!, i.name, i.version!), `cache layout of ${i.id}`);
  assert.equal(installationFor(all, 'hello@acme', fx.project)?.scope, 'project');
  assert.equal(installationFor(all, 'hello@acme', '/elsewhere'), undefined);
});

test('known_marketplaces.json and the marketplace manifest it points to', () => {
  const known = readKnownMarketplaces(claudePaths(fx.env));
  const acme = known.get('acme')!;
  assert.deepEqual(acme.source, { source: 'directory', path: fx.registry });
  assert.equal(acme.installLocation, fx.registry);
  assert.deepEqual(readMarketplaceManifest(acme)?.plugins.map((p) => p.name), ['hello', 'lib', 'solo']);
  const hello = readInstalledPlugins(claudePaths(fx.env)).find((i) => i.id === 'hello@acme')!;
  assert.deepEqual(readPluginManifest(hello.installPath)?.dependencies, [{ name: 'lib', version: '^1.0.0' }]);
});

test('settings at every scope; the project enables what project and local settings say, local winning', () => {
  const layers = readAllSettings(claudePaths(fx.env), fx.project);
  const byScope = Object.fromEntries(layers.map((l) => [l.scope, l.settings]));
  assert.deepEqual(byScope.user?.extraKnownMarketplaces.acme?.source, { source: 'directory', path: fx.registry });
  assert.deepEqual(byScope.project?.enabledPlugins, { 'hello@acme': true, 'lib@acme': true });
  assert.deepEqual(byScope.local?.enabledPlugins, { 'solo@acme': true });
  assert.deepEqual([...projectEnabledPlugins(layers)].sort(), [['hello@acme', 'project'], ['lib@acme', 'project'], ['solo@acme', 'local']]);
  const disabled = [...layers.filter((l) => l.scope !== 'local'), { scope: 'local' as const, path: '', settings: { enabledPlugins: { 'hello@acme': false }, extraKnownMarketplaces: {} } }];
  assert.deepEqual([...projectEnabledPlugins(disabled).keys()].sort(), ['lib@acme']);
  // Managed settings (and their drop-in directory) are read from MP_MANAGED_SETTINGS_DIR in tests.
  const managed = claudePaths(fx.env).managedDir;
  mkdirSync(join(managed, 'managed-settings.d'), { recursive: true });
  writeFileSync(join(managed, 'managed-settings.json'), json({ enabledPlugins: { 'corp@acme': true } }));
  writeFileSync(join(managed, 'managed-settings.d', '10-extra.json'), json({ extraKnownMarketplaces: { corp: { source: { source: 'github', repo: 'o/r' } } } }));
  const m = readAllSettings(claudePaths(fx.env), fx.project).filter((l) => l.scope === 'managed');
  assert.deepEqual(m.map((l) => Object.keys(l.settings?.enabledPlugins ?? {}).concat(Object.keys(l.settings?.extraKnownMarketplaces ?? {}))), [['corp@acme'], ['corp']]);
});

test('CLAUDE_CODE_PLUGIN_CACHE_DIR moves the whole plugins dir, for Claude and for mp alike', () => {
  const fresh = fx.freshHome();
  const cacheDir = join(fresh.home, 'elsewhere');
  const env = { ...fresh.env, CLAUDE_CODE_PLUGIN_CACHE_DIR: cacheDir };
  const paths = claudePaths(env);
  assert.equal(paths.installedPlugins, join(cacheDir, 'installed_plugins.json'));
  const run = (args: string[]) => mustOk(fx.claude(args, { home: fresh.home, env }), args.join(' '));
  run(['plugin', 'marketplace', 'add', fx.registry]);
  run(['plugin', 'install', 'solo@acme', '--scope', 'user']);
  const [solo] = readInstalledPlugins(paths);
  assert.equal(solo.installPath, join(cacheDir, 'cache/acme/solo/0.3.0'));
  assert.ok(readKnownMarketplaces(paths).has('acme'));
  assert.equal(claudePaths({ ...env, CLAUDE_CONFIG_DIR: '/cfg' }).userSettings, '/cfg/settings.json');
});

test('broken state files are coded errors: CLAUDE_STATE_INVALID, CLAUDE_STATE_UNREADABLE; a BOM and the v1 format are read', () => {
  const fresh = fx.freshHome();
  const paths = claudePaths(fresh.env);
  mkdirSync(paths.pluginsDir, { recursive: true });
  assert.deepEqual(readInstalledPlugins(paths), [], 'absent: nothing installed');
  writeFileSync(paths.installedPlugins, '{"version":2,"plugins":{');
  assert.throws(() => readInstalledPlugins(paths), { code: 'CLAUDE_STATE_INVALID' });
  writeFileSync(paths.installedPlugins, json({ version: 2, plugins: { 'a@m': [{ scope: 'galaxy', installPath: '/x' }] } }));
  assert.throws(() => readInstalledPlugins(paths), { code: 'CLAUDE_STATE_INVALID' });
  writeFileSync(paths.installedPlugins, '\uFEFF' + json({ version: 1, plugins: { 'a@m': { installPath: '/x', version: '1' } } }));
  assert.deepEqual(readInstalledPlugins(paths).map((i) => [i.id, i.scope, i.marketplace]), [['a@m', 'user', 'm']]);
  mkdirSync(paths.knownMarketplaces);
  assert.throws(() => readKnownMarketplaces(paths), { code: 'CLAUDE_STATE_UNREADABLE' });
});
