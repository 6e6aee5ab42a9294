import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadPolicy } from '../../scripts/io/load-policy.ts';
import { decide } from '../../scripts/policy/decide.ts';
import { testdir } from '../helpers/testdir.ts';

const facts = { id: 'ok@pub', name: 'ok', marketplace: 'pub', registry: 'pub', source: { kind: 'relative', host: 'github.com' }, alsoIn: [], shadowedBy: [], unreachable: [] };
const env = (extra: Record<string, string> = {}) => ({ HOME: testdir({}), MP_MANAGED_SETTINGS_DIR: testdir({}), ...extra });

test('no policy anywhere: the empty policy (nothing to enforce)', () => {
  const { policy } = loadPolicy({ cwd: testdir({}), env: env() });
  assert.equal(policy.failure, null);
  assert.deepEqual(policy.layers, []);
});

test('the project policy alone', () => {
  const cwd = testdir({ '.claude/policies/plugins.yaml': 'plugins: {block: [ok]}\n' });
  const { policy } = loadPolicy({ cwd, env: env() });
  assert.deepEqual(policy.layers.map((l) => l.origin), ['project']);
  assert.equal(decide(facts, policy).rule, 'plugins.block');
});

test('org policy from the managed settings directory merges first', () => {
  const managed = testdir({ 'plugins.yaml': 'marketplaces: {block: [pub]}\n' });
  const cwd = testdir({ '.claude/policies/plugins.yaml': 'plugins: {allow: ["*"]}\n' });
  const { policy } = loadPolicy({ cwd, env: env({ MP_MANAGED_SETTINGS_DIR: managed }) });
  assert.deepEqual(policy.layers.map((l) => [l.origin, l.path]), [['org', join(managed, 'plugins.yaml')], ['project', join(cwd, '.claude/policies/plugins.yaml')]]);
  assert.equal(decide(facts, policy).rule, 'marketplaces.block');
});

test('MP_ORG_POLICY named but missing: everything is denied', () => {
  const { policy } = loadPolicy({ cwd: testdir({}), env: env({ MP_ORG_POLICY: '/nonexistent/org.yaml' }) });
  assert.equal(policy.failure?.code, 'ORG_POLICY_MISSING');
  assert.equal(decide(facts, policy).allow, false);
  assert.equal(decide(facts, policy).rule, 'policy.orgMissing');
});

test('--org-policy that does not parse: everything is denied', () => {
  const org = testdir({ 'org.yaml': 'plugins: [\n' });
  const { policy } = loadPolicy({ cwd: testdir({}), env: env(), orgPolicy: join(org, 'org.yaml') });
  assert.equal(policy.failure?.code, 'POLICY_PARSE');
  assert.equal(decide(facts, policy).allow, false);
});

test('an org policy with an unknown field denies everything (unknown is never allowed)', () => {
  const org = testdir({ 'org.yaml': 'plugins: {block: [x]}\nallowEverything: true\n' });
  const { policy } = loadPolicy({ cwd: testdir({}), env: env({ MP_ORG_POLICY: join(org, 'org.yaml') }) });
  assert.equal(policy.failure?.code, 'POLICY_INVALID');
});

test('requireOrgPolicy in the project with no org policy found: denied', () => {
  const cwd = testdir({ '.claude/policies/plugins.yaml': 'requireOrgPolicy: true\n' });
  const { policy } = loadPolicy({ cwd, env: env() });
  assert.equal(policy.failure?.code, 'ORG_POLICY_MISSING');
  assert.equal(decide(facts, policy).allow, false);
  const managed = testdir({ 'plugins.yaml': 'version: 1\n' });
  assert.equal(loadPolicy({ cwd, env: env({ MP_MANAGED_SETTINGS_DIR: managed }) }).policy.failure, null);
});

test('a broken project policy denies everything', () => {
  const cwd = testdir({ '.claude/policies/plugins.yaml': 'plugins:\n  block: evil\n' });
  const { policy } = loadPolicy({ cwd, env: env() });
  assert.equal(policy.failure?.code, 'POLICY_INVALID');
  assert.equal(policy.failure?.rule, 'policy.projectUnreadable');
});

test('CLAUDE_PROJECT_DIR wins over cwd (inside Claude Code)', () => {
  const project = testdir({ '.claude/policies/plugins.yaml': 'plugins: {block: [ok]}\n' });
  const { paths } = loadPolicy({ cwd: testdir({}), env: env({ CLAUDE_PROJECT_DIR: project }) });
  assert.equal(paths.project, join(project, '.claude/policies/plugins.yaml'));
});
