import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRegistrySource } from '../../scripts/federation/parse-registry-source.ts';
import { registrySourceFacts, pluginSourceFacts, urlHost } from '../../scripts/federation/source-host.ts';
import { FAKE_DISK, SOURCE_CASES } from '../fixtures/federation/registry-sources.ts';

const ctx = { cwd: '/work/p', home: '/home/u', kindOf: (abs: string) => FAKE_DISK[abs] ?? null };

for (const [input, expected] of SOURCE_CASES) {
  test(`registry source ${JSON.stringify(input)}`, () => {
    const r = parseRegistrySource(input, ctx);
    if (typeof expected === 'string') {
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.code, expected);
    } else {
      assert.deepEqual(r.ok && r.source, expected);
    }
  });
}

test('hosts of registry and plugin sources', () => {
  assert.deepEqual(registrySourceFacts({ source: 'github', repo: 'o/r' }).host, 'github.com');
  assert.equal(registrySourceFacts({ source: 'git', url: 'git@Git.Corp.Example:t/p.git' }).host, 'git.corp.example');
  assert.equal(registrySourceFacts({ source: 'directory', path: '/x' }).host, 'local');
  assert.equal(registrySourceFacts({ source: 'git', url: 'file:///x' }).host, 'local');
  assert.equal(pluginSourceFacts('./plugins/a', { source: 'url', url: 'https://m.example/m.json' }).host, 'm.example');
  assert.deepEqual(pluginSourceFacts('../escape', { source: 'directory', path: '/x' }), { kind: 'unknown' });
  assert.equal(pluginSourceFacts({ source: 'git-subdir', url: 'o/r', path: 'p' }, { source: 'directory', path: '/x' }).host, 'github.com');
  assert.equal(pluginSourceFacts({ source: 'npm', package: 'x', registry: 'https://npm.corp.example' }, { source: 'directory', path: '/x' }).host, 'npm.corp.example');
  assert.deepEqual(pluginSourceFacts({ source: 'pip', package: 'x' }, { source: 'directory', path: '/x' }), { kind: 'pip' });
  assert.equal(urlHost('https://user:token@host.example/x'), 'host.example');
  assert.equal(urlHost('not a url'), undefined);
});
