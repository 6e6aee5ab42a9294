// The PreToolUse hook bundle (dist/hooks/pre-tool-use.js) spawned with crafted Bash events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/claude.ts';
import { gitRegistry, marketplaceTree } from '../helpers/registries.ts';
import { json, testdir } from '../helpers/testdir.ts';

const HOOK = join(REPO, 'dist/hooks/pre-tool-use.js');

interface Setup { project: string; env: Record<string, string> }

/** A project with a policy, an internal git registry (policy) and a public directory marketplace Claude Code knows. */
function setup(policyYaml: string | null, extraEnv: Record<string, string> = {}): Setup {
  const home = testdir({});
  const internal = gitRegistry('internal', [{ name: 'corp-auth' }, { name: 'lint' }]);
  const pub = marketplaceTree('public', [{ name: 'corp-auth' }, { name: 'evil-miner' }, { name: 'fmt' }]);
  mkdirSync(join(home, '.claude/plugins'), { recursive: true });
  writeFileSync(join(home, '.claude/plugins/known_marketplaces.json'), json({ public: { source: { source: 'directory', path: pub }, installLocation: pub } }));
  const project = testdir(policyYaml === null ? {} : { '.claude/policies/plugins.yaml': policyYaml.replaceAll('$INTERNAL', internal.url) });
  return { project, env: { PATH: process.env.PATH!, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), MP_MANAGED_SETTINGS_DIR: join(home, 'managed'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', CLAUDE_PROJECT_DIR: project, ...extraEnv } };
}

function runHook(s: Setup, command: string, tool = 'Bash'): { code: number; stdout: string; reason?: string } {
  const event = { session_id: 's', transcript_path: '/t.jsonl', cwd: s.project, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: { command, description: 'x' }, tool_use_id: 'toolu_1' };
  const r = spawnSync(process.execPath, [HOOK], { input: JSON.stringify(event), env: s.env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.stderr, '');
  let reason: string | undefined;
  if (r.stdout.trim()) {
    const out = JSON.parse(r.stdout);
    assert.equal(out.hookSpecificOutput.hookEventName, 'PreToolUse');
    assert.equal(out.hookSpecificOutput.permissionDecision, 'deny');
    reason = out.hookSpecificOutput.permissionDecisionReason;
  }
  return { code: r.status ?? -1, stdout: r.stdout, ...(reason ? { reason } : {}) };
}

const POLICY = `registries:
  - {name: internal, source: "$INTERNAL", priority: 100}
pins: {"corp-*": internal}
plugins: {block: ["evil-*"]}
sources: {blockHosts: [evil.example]}
shadowing: highest
`;

test('denies the matching claude plugin install commands with the rule as the reason', () => {
  const s = setup(POLICY);
  const cases: Array<[string, string]> = [
    ['claude plugin install evil-miner@public', 'plugins.block: '],
    ['cd /tmp && claude plugin i evil-miner@public --scope project', 'plugins.block: '],
    ['npx -y @anthropic-ai/claude-code plugin install "evil-miner@public"', 'plugins.block: '],
    ['FOO=1 claude plugins install corp-auth@public', 'pins: '],
    ['claude plugin install corp-auth@public', 'pins: '],
    ['claude plugin update evil-miner@public', 'plugins.block: '],
    ["bash -c 'claude plugin install evil-miner@public'", 'plugins.block: '],
    ['claude plugin marketplace add https://evil.example/marketplace.json', 'sources.blockHosts: '],
    ['claude plugin install nothing-like-it@public', 'registries.unknown: '],
  ];
  for (const [command, rule] of cases) {
    const r = runHook(s, command);
    assert.equal(r.code, 0, command);
    assert.ok(r.reason?.startsWith(rule), `${command} → ${r.reason ?? 'allowed'}`);
  }
});

test('allows unrelated commands and allowed plugins silently', () => {
  const s = setup(POLICY);
  for (const command of ['ls -la', 'git commit -m "claude plugin install evil-miner"', 'claude plugin list', 'claude plugin install fmt@public', 'claude plugin install corp-auth@internal', 'claude plugin uninstall evil-miner@public', 'npm i webpack-plugin']) {
    const r = runHook(s, command);
    assert.deepEqual([r.code, r.stdout], [0, ''], command);
  }
  assert.deepEqual(runHook(s, 'claude plugin install evil-miner@public', 'Write').stdout, '');
});

test('no policy at all: nothing to enforce', () => {
  const s = setup(null);
  assert.equal(runHook(s, 'claude plugin install evil-miner@public').stdout, '');
});

test('a policy that does not parse denies plugin changes (fail closed), but not other commands', () => {
  const s = setup('plugins: {block: [evil\n');
  assert.match(runHook(s, 'claude plugin install fmt@public').reason ?? '', /^policy\.projectUnreadable: .*could not parse/);
  assert.match(runHook(s, 'claude plugin marketplace add owner/repo').reason ?? '', /^policy\.projectUnreadable: /);
  assert.equal(runHook(s, 'ls').stdout, '');
});

test('a required org policy that is missing or unparsable denies', () => {
  const missing = setup('plugins: {block: []}\n', { MP_ORG_POLICY: '/nonexistent/org-policy.yaml' });
  assert.match(runHook(missing, 'claude plugin install fmt@public').reason ?? '', /^policy\.orgMissing: /);
  const required = setup('requireOrgPolicy: true\n');
  assert.match(runHook(required, 'claude plugin install fmt@public').reason ?? '', /^policy\.orgMissing: /);
  const orgDir = testdir({ 'plugins.yaml': 'plugins: {block: [evil-*]\n' });
  const broken = setup(null, { MP_MANAGED_SETTINGS_DIR: orgDir });
  assert.match(runHook(broken, 'claude plugin install fmt@public').reason ?? '', /^policy\.orgUnreadable: /);
});

test('the org policy binds the project: a project cannot unblock what the org blocks', () => {
  const orgDir = testdir({ 'plugins.yaml': 'plugins: {block: ["fmt"]}\nshadowing: allow\n' });
  const s = setup('plugins: {allow: ["*"]}\nshadowing: allow\n', { MP_MANAGED_SETTINGS_DIR: orgDir });
  assert.match(runHook(s, 'claude plugin install fmt@public').reason ?? '', /^plugins\.block: /);
});

test('a bare name offered by several registries is judged on every copy', () => {
  const s = setup(POLICY);
  const r = runHook(s, 'claude plugin install corp-auth');
  assert.match(r.reason ?? '', /^pins: .*name the registry/);
  assert.equal(runHook(s, 'claude plugin install fmt').stdout, '');
});

test('a policy registry that cannot be reached denies unpinned installs (onUnreachable: deny by default)', () => {
  const s = setup('registries:\n  - {name: internal, source: "file:///nonexistent/internal.git", priority: 100}\nshadowing: allow\n');
  assert.match(runHook(s, 'claude plugin install fmt@public').reason ?? '', /^onUnreachable: .*internal/);
});

test('malformed events are ignored silently (the hook never crashes a session)', () => {
  const s = setup(POLICY);
  for (const input of ['', 'not json', '[]', 'null', '{"tool_name":"Bash"}', '{"tool_name":"Bash","tool_input":{"command":42}}', JSON.stringify({ tool_name: 'Bash', tool_input: { command: 'x'.repeat(2_000_000) } })]) {
    const r = spawnSync(process.execPath, [HOOK], { input, env: s.env, encoding: 'utf8', timeout: 60_000 });
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', ''], input.slice(0, 40));
  }
});
