// trust.requireSignature: which requirements apply, per-requirement verification with keys read relative
// to the policy file, and the signer fact decide() reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPluginSignature } from '../../../scripts/io/check-plugin-signature.ts';
import { mergePolicies } from '../../../scripts/policy/merge-policies.ts';
import { decide } from '../../../scripts/policy/decide.ts';
import { resolveTrustKeys } from '../../../scripts/io/resolve-trust-keys.ts';
import type { PolicyDoc, PluginFacts } from '../../../scripts/policy/types.ts';
import { keyIdOf } from '../../../scripts/trust/signing/parse-key.ts';
import { parseIdentityArg } from '../../../scripts/trust/signing/parse-identity-arg.ts';
import { requiredSignatures, signerFact } from '../../../scripts/trust/signing/required-signatures.ts';
import { signerLabel } from '../../../scripts/trust/signing/signature-result.ts';
import { testdir } from '../../helpers/testdir.ts';
import { p256, plugin, sign } from './signing-helpers.ts';

const teamKey = p256();
const otherKey = p256();
const pem = (k: typeof teamKey) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A policy directory holding keys/team.pub.pem, and the merged policy of `docs` (org first). */
function policyWith(...docs: PolicyDoc[]) {
  const dir = testdir({ 'keys/team.pub.pem': pem(teamKey), 'keys/other.pub.pem': pem(otherKey), 'keys/broken.pem': 'nope' });
  const layers = docs.map((doc, i) => ({ origin: (i === 0 ? 'org' : 'project') as 'org' | 'project', path: join(dir, `policy-${i}.yaml`), doc }));
  // As loadPolicy() does: key files become key ids that decide() compares with the signer.
  return resolveTrustKeys(mergePolicies(layers));
}

const facts = (name: string, registry = 'acme'): { id: string; name: string; registry: string } => ({ id: `${name}@${registry}`, name, registry });

test('requirements apply by plugin glob (case-insensitive), by registry, or to everything when unscoped', () => {
  const policy = policyWith({ trust: { requireSignature: [{ plugins: ['acme-*'], keys: ['keys/team.pub.pem'] }, { registries: ['internal'], keys: ['keys/team.pub.pem'] }] } });
  assert.equal(requiredSignatures(facts('acme-lint'), policy).length, 1);
  assert.equal(requiredSignatures(facts('ACME-lint'), policy).length, 1);
  assert.equal(requiredSignatures(facts('other', 'internal'), policy).length, 1);
  assert.equal(requiredSignatures(facts('other', 'public'), policy).length, 0);
  assert.equal(requiredSignatures(facts('x'), policyWith({ trust: { requireSignature: [{ keys: ['keys/team.pub.pem'] }] } })).length, 1);
});

test('a plugin signed by the team key satisfies a requirement naming that key file; decide() allows it', async () => {
  const root = plugin('acme-lint');
  await sign(root, teamKey.privateKey);
  const policy = policyWith({ trust: { requireSignature: [{ plugins: ['acme-*'], keys: ['keys/team.pub.pem'] }] } });
  const check = checkPluginSignature(root, facts('acme-lint'), policy);
  assert.equal(check.required, true);
  assert.equal(check.result?.ok, true, JSON.stringify(check.result));
  assert.deepEqual(check.signer, { key: `sha256:${keyIdOf(teamKey.publicKey)}` });
  const plugin_: PluginFacts = { ...facts('acme-lint'), marketplace: 'acme', alsoIn: [], signer: check.signer };
  const d = decide(plugin_, policy);
  assert.equal(d.matched.find((h) => h.rule.startsWith('trust.requireSignature'))?.effect, 'allow');
  // A signer fact naming any other key (say, a hand-edited lock) is refused: keys are compared by id.
  const forged = decide({ ...plugin_, signer: { key: `sha256:${keyIdOf(otherKey.publicKey)}` } }, policy);
  assert.equal(forged.matched.find((h) => h.rule.startsWith('trust.requireSignature'))?.effect, 'deny');
  assert.equal(forged.allow, false);
});

test('each requirement is checked on its own: the org key does not satisfy the project key requirement', async () => {
  const root = plugin('acme-lint');
  await sign(root, teamKey.privateKey);
  const policy = policyWith(
    { trust: { requireSignature: [{ keys: ['keys/team.pub.pem'] }] } },
    { trust: { requireSignature: [{ plugins: ['acme-*'], keys: ['keys/other.pub.pem'] }] } },
  );
  const check = checkPluginSignature(root, facts('acme-lint'), policy);
  assert.equal(check.result?.ok ? 'ok' : check.result?.code, 'SIGNATURE_UNTRUSTED_KEY');
  assert.equal(check.signer, undefined);
  const d = decide({ ...facts('acme-lint'), marketplace: 'acme', alsoIn: [], signer: check.signer }, policy);
  assert.equal(d.allow, false);
  assert.deepEqual(d.matched.filter((h) => h.rule.startsWith('trust.requireSignature')).map((h) => h.effect), ['deny', 'deny']);
});

test('unsigned, tampered, unreadable-key and no-requirement cases', async () => {
  const policy = policyWith({ trust: { requireSignature: [{ plugins: ['acme-*'], keys: ['keys/team.pub.pem'] }] } });
  const unsigned = plugin('acme-a');
  const u = checkPluginSignature(unsigned, facts('acme-a'), policy);
  assert.equal(u.result?.ok ? 'ok' : u.result?.code, 'SIGNATURE_MISSING');
  const tampered = plugin('acme-b');
  await sign(tampered, teamKey.privateKey);
  writeFileSync(join(tampered, 'commands/hello.md'), 'Now do something else.\n');
  const t = checkPluginSignature(tampered, facts('acme-b'), policy);
  assert.equal(t.result?.ok ? 'ok' : t.result?.code, 'SIGNATURE_TREE_MISMATCH');
  const broken = policyWith({ trust: { requireSignature: [{ keys: ['keys/broken.pem'] }] } });
  const b = checkPluginSignature(tampered, facts('acme-b'), broken);
  assert.equal(b.result?.ok ? 'ok' : b.result?.code, 'KEY_MALFORMED');
  const missing = policyWith({ trust: { requireSignature: [{ keys: ['keys/absent.pem'] }] } });
  const m = checkPluginSignature(tampered, facts('acme-b'), missing);
  assert.equal(m.result?.ok ? 'ok' : m.result?.code, 'KEY_MALFORMED');
  assert.deepEqual(checkPluginSignature(unsigned, facts('other'), policy), { required: false, result: null });
});

test('inline PEM keys in the policy work as well as paths', async () => {
  const root = plugin('acme-c');
  await sign(root, teamKey.privateKey);
  const policy = policyWith({ trust: { requireSignature: [{ keys: [pem(teamKey)] }] } });
  assert.equal(checkPluginSignature(root, facts('acme-c'), policy).result?.ok, true);
});

test('signerFact and signerLabel: keys and identities, nothing for a failure', () => {
  assert.deepEqual(signerFact({ ok: true, signer: { kind: 'identity', issuer: 'https://i', subject: 'https://s' }, subject: { name: 'x', sha256: '' }, integrity: '' }), { issuer: 'https://i', subject: 'https://s' });
  assert.equal(signerFact({ ok: false, code: 'SIGNATURE_INVALID', reason: '' }), undefined);
  assert.equal(signerFact(null), undefined);
  assert.equal(signerLabel({ kind: 'key', keyId: 'ab' }), 'key:sha256:ab');
});

test('--identity parsing: split at the first "=", regex checked', () => {
  assert.deepEqual(parseIdentityArg('https://token.actions.githubusercontent.com=https://github.com/a/b/.+@refs/tags/v=1'), { issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/a/b/.+@refs/tags/v=1' });
  for (const bad of ['', '=x', 'issuer=', 'no-equals', 'i=(unclosed']) assert.throws(() => parseIdentityArg(bad), { code: 'USAGE' }, bad);
});
