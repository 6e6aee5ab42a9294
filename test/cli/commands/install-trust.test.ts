// mp install with the policy's trust rules and collision checks, against the real Claude Code (HOME in a
// temporary directory): local trees are refused before Claude runs (nothing changes), trees Claude fetched
// from git (file://) are checked after install and uninstalled when refused; what installs is locked
// with its signer, grade, score and findings. Signatures are real Sigstore bundles made with test keys.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { LockFile } from '../../../scripts/lock/types.ts';
import { errorCode, trustProject, type TrustProject } from '../../helpers/trust-project.ts';

const fixtures: TrustProject[] = [];
after(() => fixtures.forEach((f) => f.cleanup()));
async function project(policy?: string): Promise<TrustProject> {
  const fx = await trustProject();
  fixtures.push(fx);
  if (policy) fx.policy(policy);
  return fx;
}

const REQUIRE_TEAM_KEY = 'trust:\n  requireSignature:\n    - keys: [keys/team.pub.pem]\n';
const lockOf = (fx: TrustProject) => JSON.parse(fx.lockText()) as LockFile;
const enabled = (fx: TrustProject) => (fx.settingsText() ? (JSON.parse(fx.settingsText()) as { enabledPlugins?: Record<string, boolean> }).enabledPlugins ?? {} : {});

/** Claude Code's own view: what `claude plugin list --json` says is installed for the project. */
function claudeLists(fx: TrustProject): string[] {
  const r = fx.claude(['plugin', 'list', '--json']);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as Array<{ id: string; scope: string }>).map((p) => `${p.id} (${p.scope})`).sort();
}

/** Everything an install could change: Claude's installed_plugins.json, the project's settings, the lock. */
function state(fx: TrustProject) {
  const file = join(fx.home, '.claude/plugins/installed_plugins.json');
  return { installed: existsSync(file) ? readFileSync(file, 'utf8') : '', settings: fx.settingsText(), lock: fx.lockText() };
}

function validateLock(text: string): void {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../../schemas/plugin-lock.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.equal(validate(JSON.parse(text)), true, JSON.stringify(validate.errors));
}

test('two plugins defining the same command: INSTALL_COLLISION, exit 1, nothing installed; --allow-collisions installs and reports it', async () => {
  const fx = await project();
  const pristine = state(fx);
  const r = fx.mp(['install', 'alpha', 'beta', '--json']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(errorCode(r), 'INSTALL_COLLISION');
  assert.deepEqual(state(fx), pristine);
  assert.deepEqual(claudeLists(fx), []);

  const ok = fx.mp(['install', 'alpha', 'beta', '--allow-collisions', '--json']);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  const out = JSON.parse(ok.stdout) as { installed: Array<{ id: string }>; collisions: Array<{ type: string; severity: string; id: string; plugins: string[] }>; locked: string[] };
  assert.deepEqual(out.installed.map((i) => i.id), ['alpha@acme', 'beta@acme']);
  assert.deepEqual(out.collisions.map((c) => [c.type, c.severity, c.id, c.plugins]), [['duplicate-id', 'error', 'tools:deploy', ['alpha@acme', 'beta@acme']]]);
  assert.deepEqual(claudeLists(fx), ['alpha@acme (project)', 'beta@acme (project)']);
  assert.deepEqual(out.locked.sort(), ['alpha@acme', 'beta@acme']);
});

test('a plugin colliding with one the project already runs: INSTALL_COLLISION and nothing changes', async () => {
  const fx = await project();
  const first = fx.mp(['install', 'alpha']);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  const pristine = state(fx);
  const r = fx.mp(['install', 'beta@acme', '--json']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(errorCode(r), 'INSTALL_COLLISION');
  assert.match((JSON.parse(r.stdout) as { error: { message: string } }).error.message, /tools:deploy .*alpha@acme/);
  assert.deepEqual(state(fx), pristine);
  assert.deepEqual(claudeLists(fx), ['alpha@acme (project)']);
});

test('a plugin fetched from git that collides with one the project runs: INSTALL_COLLISION after install, rolled back; allowed with --allow-collisions', async () => {
  const fx = await project();
  assert.equal(fx.mp(['install', 'alpha']).code, 0);
  const pristine = state(fx);
  const r = fx.mp(['install', 'rtools', '--json']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(errorCode(r), 'INSTALL_COLLISION');
  assert.match((JSON.parse(r.stdout) as { error: { message: string } }).error.message, /Claude Code installed\) — .*tools:deploy is defined by alpha@acme and rtools@remote/);
  assert.deepEqual(claudeLists(fx), ['alpha@acme (project)']);
  assert.equal(enabled(fx)['rtools@remote'], undefined);
  assert.equal(fx.lockText(), pristine.lock);

  const ok = fx.mp(['install', 'rtools', '--allow-collisions', '--json']);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.deepEqual((JSON.parse(ok.stdout) as { collisions: Array<{ id: string; plugins: string[] }> }).collisions.map((c) => [c.id, c.plugins]), [['tools:deploy', ['alpha@acme', 'rtools@remote']]]);
  assert.deepEqual(claudeLists(fx), ['alpha@acme (project)', 'rtools@remote (project)']);
});

test('requireSignature, local registry: unsigned and other-key plugins are refused before install (SIGNATURE_*), nothing changes', async () => {
  const fx = await project(REQUIRE_TEAM_KEY);
  const pristine = state(fx);
  for (const [name, code] of [['unsigned', 'SIGNATURE_MISSING'], ['forged', 'SIGNATURE_UNTRUSTED_KEY']]) {
    const r = fx.mp(['install', name, '--json']);
    assert.equal(r.code, 1, `${name}: ${r.stdout}${r.stderr}`);
    assert.equal(errorCode(r), code, name);
    assert.match(errorCode(r), /^SIGNATURE_/);
    assert.deepEqual(state(fx), pristine, `${name}: nothing installed, settings and lock untouched`);
  }
  assert.deepEqual(claudeLists(fx), []);
});

test('requireSignature, plugins fetched from git by Claude Code: refused after install and uninstalled (rollback)', async () => {
  const fx = await project(REQUIRE_TEAM_KEY);
  const pristine = state(fx);
  for (const [name, code] of [['runsigned', 'SIGNATURE_MISSING'], ['rforged', 'SIGNATURE_UNTRUSTED_KEY']]) {
    const r = fx.mp(['install', name, '--json']);
    assert.equal(r.code, 1, `${name}: ${r.stdout}${r.stderr}`);
    assert.equal(errorCode(r), code, name);
    assert.match((JSON.parse(r.stdout) as { error: { message: string } }).error.message, /after install/);
    assert.deepEqual(claudeLists(fx), [], `${name}: Claude Code no longer lists it`);
    assert.deepEqual(fx.installed(), {});
    assert.equal(enabled(fx)[`${name}@remote`], undefined, `${name}: not enabled in the project`);
    assert.deepEqual([fx.settingsText(), fx.lockText()], [pristine.settings, pristine.lock], `${name}: settings and lock as they were`);
  }
});

test('a refused install leaves the project\'s settings byte for byte, including a plugin the project already enabled', async () => {
  const fx = await project(REQUIRE_TEAM_KEY);
  // A teammate committed settings enabling the plugin; on this machine it is not installed yet.
  const committed = '{\n    "enabledPlugins": {"runsigned@remote": true},\n    "env": {"FOO": "1"}\n}\n';
  writeFileSync(join(fx.project, '.claude/settings.json'), committed);
  const r = fx.mp(['install', 'runsigned@remote', '--json']);
  assert.equal(errorCode(r), 'SIGNATURE_MISSING', r.stdout);
  assert.deepEqual(claudeLists(fx), []);
  assert.equal(fx.settingsText(), committed);
});

test('mp install --frozen in a fresh HOME: a locked tree the policy now refuses fails with its SIGNATURE_* code, rolled back, settings untouched', async () => {
  const fx = await project();
  assert.equal(fx.mp(['install', 'rsigned', 'runsigned']).code, 0);
  fx.policy(REQUIRE_TEAM_KEY);
  const settings = fx.settingsText();
  const lock = fx.lockText();
  const ci = fx.freshHome();
  const r = fx.mp(['install', '--frozen', '--json'], ci);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(errorCode(r), 'SIGNATURE_MISSING');
  assert.deepEqual(fx.installed(ci), {});
  assert.deepEqual([fx.settingsText(), fx.lockText()], [settings, lock]);
  // Signed trees alone pass, exactly as locked.
  writeFileSync(join(fx.project, '.claude/policies/plugins.yaml'), 'trust:\n  requireSignature:\n    - {plugins: [rsigned], keys: [keys/team.pub.pem]}\n');
  const ok = fx.mp(['install', '--frozen', '--json'], fx.freshHome());
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.deepEqual((JSON.parse(ok.stdout) as { installed: string[] }).installed.sort(), ['rsigned@remote', 'runsigned@remote']);
});

test('a refused project install is rolled back even when the plugin is also installed at user scope (which stays)', async () => {
  const fx = await project();
  assert.equal(fx.claude(['plugin', 'install', 'runsigned@remote', '--scope', 'user']).code, 0);
  const userCopy = fx.installed()['runsigned@remote'][0].installPath;
  fx.policy(REQUIRE_TEAM_KEY);
  const r = fx.mp(['install', 'runsigned@remote', '--json']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(errorCode(r), 'SIGNATURE_MISSING');
  assert.deepEqual(claudeLists(fx), ['runsigned@remote (user)']);
  assert.equal(enabled(fx)['runsigned@remote'], undefined);
  assert.ok(existsSync(join(userCopy, '.claude-plugin/plugin.json')), 'the user-scope tree is still there');
});

test('requireSignature: plugins signed with the policy key install (local and git) and the lock records signer {key: sha256:<keyid>}', async () => {
  const fx = await project(REQUIRE_TEAM_KEY);
  const r = fx.mp(['install', 'signed', 'rsigned', '--json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout) as { trust: Array<{ id: string; signer?: { key?: string } }>; locked: string[] };
  assert.deepEqual(out.trust.map((t) => [t.id, t.signer]), [['signed@acme', { key: fx.teamKeyId }], ['rsigned@remote', { key: fx.teamKeyId }]]);
  assert.deepEqual(claudeLists(fx), ['rsigned@remote (project)', 'signed@acme (project)']);
  const lock = lockOf(fx);
  assert.deepEqual(lock.plugins.map((p) => [p.id, p.signer]), [['rsigned@remote', { key: fx.teamKeyId }], ['signed@acme', { key: fx.teamKeyId }]]);
  assert.match(fx.teamKeyId, /^sha256:[0-9a-f]{64}$/);
  validateLock(fx.lockText());
  assert.equal(fx.mp(['verify']).code, 0);
});

test('denySeverities: a plugin whose hook pipes curl into sh is refused (POLICY_DENIED) before install, or after install and rolled back', async () => {
  const fx = await project('trust:\n  denySeverities: [critical]\n');
  const pristine = state(fx);
  const local = fx.mp(['install', 'evil', '--json']);
  assert.equal(local.code, 1, local.stdout + local.stderr);
  assert.equal(errorCode(local), 'POLICY_DENIED');
  assert.match(local.stdout, /trust\.denySeverities.*H1-fetch-pipe-exec/);
  assert.deepEqual(state(fx), pristine);

  const remote = fx.mp(['install', 'revil', '--json']);
  assert.equal(remote.code, 1, remote.stdout + remote.stderr);
  assert.equal(errorCode(remote), 'POLICY_DENIED');
  assert.match(remote.stdout, /after install .*trust\.denySeverities/);
  assert.deepEqual(claudeLists(fx), []);
  assert.equal(enabled(fx)['revil@remote'], undefined);
  assert.equal(fx.lockText(), '');
});

test('denySeverities: benign plugins install and the lock records grade, score and findings (valid against the schema)', async () => {
  const fx = await project('trust:\n  denySeverities: [critical, high]\n');
  const r = fx.mp(['install', 'benign', 'rbenign', '--json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lock = lockOf(fx);
  assert.deepEqual(lock.plugins.map((p) => p.id), ['benign@acme', 'rbenign@remote']);
  for (const p of lock.plugins) {
    assert.match(p.grade ?? '', /^[A-F]$/, p.id);
    assert.equal(typeof p.score, 'number', p.id);
    assert.ok(Array.isArray(p.findings), `${p.id} records its findings (none here)`);
    assert.ok(!p.findings!.some((f) => f.severity === 'critical' || f.severity === 'high'), p.id);
  }
  validateLock(fx.lockText());
});

test('minGrade: a graded-F plugin is refused (local before install, git after install and rolled back); a well-graded one installs', async () => {
  const fx = await project('registries: [{name: acme, priority: 10}, {name: remote, priority: 5}]\ntrust:\n  minGrade: C\n  requireSignature:\n    - {registries: [acme, remote], keys: [keys/team.pub.pem]}\n');
  const pristine = state(fx);
  const local = fx.mp(['install', 'evil', '--json']);
  assert.equal(errorCode(local), 'POLICY_DENIED', local.stdout);
  assert.match(local.stdout, /trust\.minGrade/);
  assert.deepEqual(state(fx), pristine);
  const remote = fx.mp(['install', 'revil', '--json']);
  assert.equal(errorCode(remote), 'POLICY_DENIED', remote.stdout);
  assert.match(remote.stdout, /after install .*trust\.minGrade/);
  assert.deepEqual(claudeLists(fx), []);

  const ok = fx.mp(['install', 'benign', 'rbenign', '--json']);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  const lock = lockOf(fx);
  for (const p of lock.plugins) {
    assert.ok(['A', 'B', 'C'].includes(p.grade!), `${p.id} graded ${p.grade}`);
    assert.deepEqual(p.signer, { key: fx.teamKeyId }, p.id);
  }
  validateLock(fx.lockText());
});
