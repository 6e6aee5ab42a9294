import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dependencyConstraintIsSatisfiable, RULE } from '../../../scripts/plugin/load-checks/dependency-constraint-is-satisfiable.ts';
import { readGitTags } from '../../../scripts/io/git-tags.ts';
import { testdir } from '../../helpers/testdir.ts';
import { contextsOf, json, market, runTable } from './helpers.ts';

const tree = (range: string, libVersion = '1.0.0', entries: object[] = []) => market(
  [{ name: 'app', source: './app' }, { name: 'lib', source: './lib' }, ...entries],
  {
    'app/.claude-plugin/plugin.json': json({ name: 'app', dependencies: [{ name: 'lib', version: range }] }),
    'lib/.claude-plugin/plugin.json': json({ name: 'lib', version: libVersion }),
  },
);
const tags = (...t: string[]) => () => t;

test('dependencyConstraintIsSatisfiable', () => runTable(dependencyConstraintIsSatisfiable, RULE, [
  { name: 'no tag and HEAD outside the range (git repo)', spec: tree('^2.0.0'), tags: tags('lib--v1.0.0'), expect: ['error dependencies[0].version @6'] },
  { name: 'no tag and HEAD outside the range (not a git repo)', spec: tree('>=0.5.0 <1.0.0'), expect: ['error dependencies[0].version @6'] },
  { name: 'no tag, HEAD fits: unpinned fallback', spec: tree('^1.0.0'), tags: tags('other--v1.0.0'), expect: ['warning dependencies[0].version @6'] },
  { name: 'a satisfying tag', spec: tree('^2.0.0'), tags: tags('lib--v1.0.0', 'lib--v2.3.1'), expect: [] },
  { name: 'tags that are not semver never count', spec: tree('^2.0.0'), tags: tags('lib--vnext', 'lib--v2'), expect: ['error dependencies[0].version @6'] },
  { name: 'not a git repo, HEAD fits', spec: tree('^1.0.0'), expect: [] },
  { name: 'unversioned HEAD', spec: tree('^1.0.0', null as unknown as string), tags: tags(), expect: ['error dependencies[0].version @6'] },
  { name: 'invalid range: the range rule owns it', spec: tree('not a range'), tags: tags(), expect: [] },
]));

test('dependencyConstraintIsSatisfiable reads real git tags through ls-remote', () => {
  const root = testdir(tree('^2.0.0'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'init');
  git('tag', 'lib--v1.0.0');
  assert.deepEqual(readGitTags(root), ['lib--v1.0.0']);
  const before = contextsOf(root, readGitTags).flatMap(dependencyConstraintIsSatisfiable);
  assert.deepEqual(before.map((f) => f.severity), ['error']);
  git('tag', '-a', 'lib--v2.0.1', '-m', 'release');
  assert.deepEqual(contextsOf(root, readGitTags).flatMap(dependencyConstraintIsSatisfiable), []);
  assert.equal(readGitTags(testdir({ 'x.txt': '' })), null);
});
