// mp sign / mp keygen / mp verify <plugin-dir>, spawned from the built bundle (dist/mp.js) as users run them,
// and a signed plugin checked and installed by the real Claude Code 2.1.197 (HOME in a temp dir).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNATURE_PATH } from '../../../scripts/integrity/tree-digest.ts';
import { runClaude, runMp, tempHome } from '../../helpers/claude.ts';
import { json, testdir } from '../../helpers/testdir.ts';
import { fixture, flipBase64, plugin } from './signing-helpers.ts';

const out = (r: { stdout: string }) => JSON.parse(r.stdout) as Record<string, any>;
/** A working directory with no project policy, and no org policy found through the managed settings dir. */
const cwd = () => testdir({ '.keep': '' });
const env = (dir: string) => ({ MP_MANAGED_SETTINGS_DIR: join(dir, 'no-managed-settings'), MP_ORG_POLICY: '' });
const mp = (args: string[], dir: string, extra: Record<string, string> = {}) => runMp(args, { cwd: dir, env: { ...env(dir), ...extra }, timeoutMs: 60_000 });

function keys(dir: string, name = 'team'): { priv: string; pub: string } {
  const r = mp(['keygen', '--out', join(dir, name), '--json'], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  return { priv: join(dir, `${name}.key.pem`), pub: join(dir, `${name}.pub.pem`) };
}

test('keygen writes a 0600 private key and a public key, and never overwrites without --force', () => {
  const dir = cwd();
  const k = keys(dir);
  assert.equal(statSync(k.priv).mode & 0o777, 0o600);
  assert.match(readFileSync(k.pub, 'utf8'), /^-----BEGIN PUBLIC KEY-----/);
  const again = mp(['keygen', '--out', join(dir, 'team'), '--json'], dir);
  assert.equal(again.code, 2);
  assert.equal(out(again).error.code, 'KEY_EXISTS');
  assert.equal(mp(['keygen', '--out', join(dir, 'team'), '--force', '--type', 'ed25519'], dir).code, 0);
  assert.equal(statSync(k.priv).mode & 0o777, 0o600);
  assert.equal(mp(['keygen'], dir).code, 2);
});

test('sign then verify: exit 0; tampering, another key, no trust: exit 1 with the code', () => {
  const dir = cwd();
  const k = keys(dir);
  const other = keys(dir, 'other');
  const root = plugin('demo');
  const signed = mp(['sign', root, '--key', k.priv, '--json'], dir);
  assert.equal(signed.code, 0, signed.stdout + signed.stderr);
  assert.equal(out(signed).bundle, join(root, SIGNATURE_PATH));
  assert.equal(out(signed).plugin.name, 'demo');

  const ok = mp(['verify', root, '--trusted-key', k.pub, '--json'], dir);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.deepEqual(out(ok).signer, { key: `sha256:${out(signed).signer.keyId}` });
  assert.equal(mp(['verify', root, '--trusted-key', k.pub], dir).code, 0);

  const code = (args: string[]) => { const r = mp([...args, '--json'], dir); return `${r.code} ${out(r).code}`; };
  assert.equal(code(['verify', root, '--trusted-key', other.pub]), '1 SIGNATURE_UNTRUSTED_KEY');
  assert.equal(code(['verify', root]), '1 SIGNATURE_NO_TRUSTED_KEYS');

  const bundle = JSON.parse(readFileSync(join(root, SIGNATURE_PATH), 'utf8'));
  bundle.dsseEnvelope.signatures[0].sig = flipBase64(bundle.dsseEnvelope.signatures[0].sig, 12);
  writeFileSync(join(root, SIGNATURE_PATH), JSON.stringify(bundle));
  assert.equal(code(['verify', root, '--trusted-key', k.pub]), '1 SIGNATURE_INVALID');

  assert.equal(mp(['sign', root, '--key', k.priv], dir).code, 0);
  chmodSync(join(root, 'commands/hello.md'), 0o755);
  assert.equal(code(['verify', root, '--trusted-key', k.pub]), '1 SIGNATURE_TREE_MISMATCH');
});

test('could not run: bad keys, bad usage, not a directory, keyless without identity or network: exit 2, coded', () => {
  const dir = cwd();
  const k = keys(dir);
  const root = plugin('demo');
  writeFileSync(join(dir, 'junk.pem'), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
  writeFileSync(join(dir, 'huge.pem'), Buffer.alloc(3 * 1024 * 1024, 0x41));
  const code = (args: string[], extra: Record<string, string> = {}) => { const r = mp([...args, '--json'], dir, extra); return `${r.code} ${out(r).error?.code ?? out(r).code}`; };
  assert.equal(code(['sign', root, '--key', join(dir, 'junk.pem')]), '2 KEY_MALFORMED');
  assert.equal(code(['sign', root, '--key', join(dir, 'huge.pem')]), '2 KEY_MALFORMED');
  assert.equal(code(['sign', root, '--key', k.pub]), '2 KEY_MALFORMED');
  assert.equal(code(['sign', root, '--key', join(dir, 'absent.pem')]), '2 KEY_UNREADABLE');
  assert.equal(code(['sign', root]), '2 USAGE');
  assert.equal(code(['sign', root, '--key', k.priv, '--keyless']), '2 USAGE');
  assert.equal(code(['sign', join(dir, 'nope'), '--key', k.priv]), '2 TREE_NOT_A_DIRECTORY');
  assert.equal(code(['verify', root, '--trusted-key', join(dir, 'junk.pem')]), '2 KEY_MALFORMED');
  assert.equal(code(['verify', root, '--identity', 'no-equals-sign']), '2 USAGE');
  assert.equal(code(['sign', root, '--keyless'], { SIGSTORE_ID_TOKEN: '', ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }), '2 SIGN_KEYLESS_UNAVAILABLE');
  // With a token, but Fulcio unreachable (port 9 on loopback refuses): coded, no bundle written, token not echoed.
  const token = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sub: 'repo:acme/plugins', iss: 'https://token.actions.githubusercontent.com' })).toString('base64url')}.c2ln`;
  const r = mp(['sign', root, '--keyless', '--json'], dir, { SIGSTORE_ID_TOKEN: token, MP_SIGSTORE_FULCIO_URL: 'http://127.0.0.1:9', MP_SIGSTORE_REKOR_URL: 'http://127.0.0.1:9' });
  assert.equal(`${r.code} ${out(r).error.code}`, '2 SIGN_KEYLESS_UNAVAILABLE');
  assert.ok(!r.stdout.includes(token) && !r.stderr.includes(token), 'the identity token is never printed');
  assert.ok(!existsSync(join(root, SIGNATURE_PATH)));
});

test('keyless: a real public-good bundle verifies its identity offline through the CLI, then fails as another artifact', () => {
  const dir = cwd();
  const root = plugin('sigstore');
  writeFileSync(join(root, SIGNATURE_PATH), JSON.stringify(fixture('npm-sigstore-0.4.0-attestations.json').attestations[0].bundle));
  const id = 'https://token.actions.githubusercontent.com=https://github\\.com/sigstore/sigstore-js/\\.github/workflows/publish\\.yml@refs/tags/v.*';
  const code = (args: string[]) => { const r = mp([...args, '--json'], dir); return `${r.code} ${out(r).code}`; };
  assert.equal(code(['verify', root, '--identity', id]), '1 SIGNATURE_WRONG_PLUGIN');
  assert.equal(code(['verify', root, '--identity', 'https://token.actions.githubusercontent.com=https://github\\.com/evil/.*']), '1 SIGNATURE_UNTRUSTED_IDENTITY');
  assert.equal(code(['verify', root]), '1 SIGNATURE_NO_IDENTITY_POLICY');
});

test('mp verify <plugin-dir> in a project applies the policy\'s trust.requireSignature keys', () => {
  const project = cwd();
  const k = keys(project);
  const other = keys(project, 'other');
  mkdirSync(join(project, '.claude/policies'), { recursive: true });
  const policy = (keyFile: string) => writeFileSync(join(project, '.claude/policies/plugins.yaml'), `version: 1\ntrust:\n  requireSignature:\n    - plugins: ["acme-*"]\n      keys: ["../../${keyFile}"]\n`);
  const root = plugin('acme-tools');
  assert.equal(mp(['sign', root, '--key', k.priv], project).code, 0);
  policy('team.pub.pem');
  const ok = mp(['verify', root, '--json'], project);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  policy('other.pub.pem');
  const bad = mp(['verify', root, '--json'], project);
  assert.equal(`${bad.code} ${out(bad).code}`, '1 SIGNATURE_UNTRUSTED_KEY');
  // --trusted-key cannot override a policy requirement: both must hold.
  const both = mp(['verify', root, '--trusted-key', k.pub, '--json'], project);
  assert.equal(`${both.code} ${out(both).code}`, '1 SIGNATURE_UNTRUSTED_KEY');
  assert.equal(out(both).checks.map((c: { ok: boolean }) => c.ok).join(), 'true,false');
  void other;
});

test('a signed plugin passes claude plugin validate --strict, installs with the real Claude Code, and still verifies from its install path', () => {
  const dir = cwd();
  const k = keys(dir);
  const market = testdir({
    '.claude-plugin/marketplace.json': json({ name: 'sigtest', owner: { name: 'mp tests' }, plugins: [{ name: 'demo', source: './plugins/demo', description: 'signed demo' }] }),
  });
  const pluginDir = join(market, 'plugins/demo');
  cpSync(plugin('demo'), pluginDir, { recursive: true }); // keeps file modes: the exec bit is part of the digest
  assert.equal(mp(['sign', pluginDir, '--key', k.priv], dir).code, 0);

  const home = tempHome('mp-sign-claude-');
  const v = runClaude(['plugin', 'validate', '--strict', pluginDir], { home, cwd: home });
  assert.equal(v.code, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /✔ Validation passed/);
  assert.equal(runClaude(['plugin', 'marketplace', 'add', market], { home, cwd: home }).code, 0);
  const install = runClaude(['plugin', 'install', 'demo@sigtest'], { home, cwd: home, timeoutMs: 120_000 });
  assert.equal(install.code, 0, install.stdout + install.stderr);
  const list = JSON.parse(runClaude(['plugin', 'list', '--json'], { home, cwd: home }).stdout) as Array<{ id: string; installPath: string }>;
  const installed = list.find((p) => p.id === 'demo@sigtest');
  assert.ok(installed, JSON.stringify(list));
  assert.ok(existsSync(join(installed.installPath, SIGNATURE_PATH)), 'the bundle travels with the plugin');
  const ok = mp(['verify', installed.installPath, '--trusted-key', k.pub, '--json'], dir);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
});

