// Oracle test with the real Claude Code CLI (fresh HOME): the marketplaces `claude plugin marketplace add`
// registers are exactly the federation's default registries, read from Claude's own copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runClaude, tempHome } from '../helpers/claude.ts';
import { git, gitRegistry, marketplaceTree } from '../helpers/registries.ts';
import { testdir } from '../helpers/testdir.ts';
import { loadFederation } from '../../scripts/io/registry-fetch/load-federation.ts';
import { emptyPolicy } from '../../scripts/policy/merge-policies.ts';
import { toRegistrySource } from '../../scripts/federation/to-registry-source.ts';

test("the federation's view of known marketplaces matches what claude plugin marketplace add registered", { timeout: 300_000 }, async () => {
  const home = tempHome();
  const base = testdir({});
  const corp = gitRegistry('corp-git', [{ name: 'deployer', commands: { ship: 'Ship it' } }]);
  const hub = gitRegistry('hub-mkt', [{ name: 'gh-tool' }]);
  mkdirSync(join(base, 'corp'));
  git(base, 'clone', '-q', '--bare', corp.dir, join(base, 'corp', 'plugins.git'));
  git(base, 'clone', '-q', '--bare', hub.dir, join(base, 'corp', 'hub.git'));
  // Claude Code clones with the real git: send its https and ssh GitHub URLs, and a corp host, to local repositories.
  const gitconfig = join(base, 'gitconfig');
  writeFileSync(gitconfig, `[url "file://${base}/"]\n\tinsteadOf = https://github.com/\n\tinsteadOf = git@github.com:\n\tinsteadOf = https://git.corp.example/\n[protocol "file"]\n\tallow = always\n`);
  const env = { GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1' };
  const local = marketplaceTree('local-dir', [{ name: 'fmt', description: 'Formatter' }]);
  const file = marketplaceTree('local-file', [{ name: 'lint' }]);
  for (const source of [local, join(file, '.claude-plugin', 'marketplace.json'), 'https://git.corp.example/corp/plugins.git', 'corp/hub']) {
    const r = runClaude(['plugin', 'marketplace', 'add', source], { home, env });
    assert.equal(r.code, 0, `${source}: ${r.stdout}${r.stderr}`);
  }
  const known = JSON.parse(readFileSync(join(home, '.claude/plugins/known_marketplaces.json'), 'utf8')) as Record<string, { source: unknown; installLocation: string }>;
  const projectDir = testdir({});
  const { federation, invalid } = await loadFederation({
    cwd: projectDir,
    env: { PATH: process.env.PATH!, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), MP_MANAGED_SETTINGS_DIR: join(home, 'managed'), ...env },
    policy: emptyPolicy(),
    mode: 'offline',
  });
  assert.deepEqual(invalid, []);
  assert.deepEqual(federation.failures, []);
  assert.deepEqual(federation.registries.map((r) => r.spec.name).sort(), Object.keys(known).sort());
  for (const r of federation.registries) {
    assert.deepEqual(r.spec.source, toRegistrySource(known[r.spec.name].source), r.spec.name);
    assert.equal(r.spec.installLocation, known[r.spec.name].installLocation);
  }
  const byName = Object.fromEntries(federation.registries.map((r) => [r.spec.name, r]));
  assert.deepEqual(Object.keys(byName).sort(), ['corp-git', 'hub-mkt', 'local-dir', 'local-file']);
  assert.deepEqual(byName['hub-mkt'].spec.source, { source: 'github', repo: 'corp/hub' });
  assert.deepEqual(byName['hub-mkt'].plugins.map((p) => p.name), ['gh-tool']);
  assert.equal(byName['corp-git'].via, 'claude'); // Claude's clone, read in place: no fetch of ours
  assert.equal(byName['corp-git'].commit, corp.commit);
  assert.deepEqual(byName['corp-git'].plugins[0].components.map((c) => c.id), ['deployer:ship']);
  assert.deepEqual(byName['local-dir'].plugins.map((p) => p.name), ['fmt']);
  assert.deepEqual(byName['local-file'].plugins.map((p) => p.name), ['lint']);
});
