// mp search, spawned from the committed bundle, over a policy git registry and a directory marketplace Claude knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMp } from '../../helpers/claude.ts';
import { gitRegistry, marketplaceTree } from '../../helpers/registries.ts';
import { json, testdir } from '../../helpers/testdir.ts';

function setup() {
  const home = testdir({});
  const internal = gitRegistry('internal', [
    { name: 'k8s-deploy', description: 'Deploy services to Kubernetes', category: 'devops', commands: { rollout: 'Roll out a release gradually' } },
    { name: 'corp-auth', description: 'Single sign-on', category: 'security' },
  ]);
  const pub = marketplaceTree('public', [{ name: 'k8s-deploy', description: 'Community deploys to Kubernetes', category: 'devops' }, { name: 'fmt', description: 'Code formatter', category: 'development' }]);
  mkdirSync(join(home, '.claude/plugins'), { recursive: true });
  writeFileSync(join(home, '.claude/plugins/known_marketplaces.json'), json({ public: { source: { source: 'directory', path: pub }, installLocation: pub } }));
  const cwd = testdir({ '.claude/policies/plugins.yaml': `registries:\n  - {name: internal, source: "${internal.url}", priority: 10}\nshadowing: highest\n` });
  const env = { HOME: home, XDG_CACHE_HOME: join(home, '.cache'), MP_MANAGED_SETTINGS_DIR: join(home, 'managed'), GIT_CONFIG_GLOBAL: '/dev/null', CLAUDE_PROJECT_DIR: '', MP_ORG_POLICY: '', CLAUDE_PLUGIN_DATA: '' };
  const search = (...args: string[]) => runMp(['search', ...args], { cwd, env, timeoutMs: 60_000 });
  return Object.assign(search, { mp: (...args: string[]) => runMp(args, { cwd, env, timeoutMs: 60_000 }) });
}

test('ranked hits across registries, shadowing and policy verdicts, typo, component names, filters', () => {
  const search = setup();
  const r = search('kubernets', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.searched, ['internal', 'public']);
  assert.deepEqual(out.hits.map((h: { id: string; shadowed: boolean; allowed: boolean; rule: string }) => [h.id, h.shadowed, h.allowed, h.rule]), [
    ['k8s-deploy@internal', false, true, 'allowed'],
    ['k8s-deploy@public', true, false, 'shadowing'],
  ]);
  assert.deepEqual(JSON.parse(search('rollout', '--json').stdout).hits.map((h: { id: string }) => h.id), ['k8s-deploy@internal']);
  assert.deepEqual(JSON.parse(search('deploy', '--registry', 'public', '--json').stdout).hits.map((h: { id: string }) => h.id), ['k8s-deploy@public']);
  assert.deepEqual(JSON.parse(search('single', '--category', 'security', '--json').stdout).hits.map((h: { id: string }) => h.id), ['corp-auth@internal']);
  const human = search('format');
  assert.equal(human.code, 0);
  assert.match(human.stdout, /^fmt@public \[development\]\n {4}Code formatter\n$/);
  assert.match(search('zzzzqqq').stdout, /no plugins match "zzzzqqq" in 2 registries/);
});

test('usage and unknown registry errors are coded (exit 2)', () => {
  const search = setup();
  for (const [args, code] of [[[], 'USAGE'], [['x', '--limit', '0'], 'USAGE'], [['x', '--nope'], 'USAGE'], [['x', '--registry', 'nope'], 'REGISTRY_NOT_FOUND']] as const) {
    const r = search(...args, '--json');
    assert.deepEqual([r.code, JSON.parse(r.stdout).error.code], [2, code], args.join(' '));
  }
});

test('--offline with nothing cached: the git registry is a coded failure, the local one is still searched', () => {
  const search = setup();
  const r = search('deploy', '--offline', '--json');
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.failures.map((f: { name: string; code: string }) => [f.name, f.code]), [['internal', 'REGISTRY_UNREACHABLE']]);
  assert.deepEqual(out.hits.map((h: { id: string; rule: string }) => [h.id, h.rule]), [['k8s-deploy@public', 'onUnreachable']]);
});

test('mp policy check reports the shadowed names of the same federation', () => {
  const { mp } = setup();
  const r = mp('policy', 'check', '--json');
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.stdout).shadowed, [{ name: 'k8s-deploy', winner: 'internal', shadowed: ['public'], pinnedTo: null }]);
  assert.match(mp('policy', 'check').stdout, /k8s-deploy: internal wins over public \(not pinned\)/);
});
