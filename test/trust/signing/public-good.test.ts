// Real Sigstore public-good bundles (test/fixtures/sigstore/SOURCE.md) verified offline against the
// trusted root shipped in @sigstore/tuf's seeds.json, and rejected once altered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { loadPublicGoodRoot } from '../../../scripts/io/sigstore-material.ts';
import { keyIdOf } from '../../../scripts/trust/signing/parse-key.ts';
import { keylessSignerOf } from '../../../scripts/trust/signing/keyless-signer-of.ts';
import { verifyBundle, type LoadedTrust } from '../../../scripts/trust/signing/verify-bundle.ts';
import { FIXTURES, fixture, flipBase64, p256, plugin, verify, writeBundle } from './signing-helpers.ts';

const GHA = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v0.4.0';
const PROVENANCE_ID = { issuer: GHA, subject: 'https://github\\.com/sigstore/sigstore-js/\\.github/workflows/publish\\.yml@refs/tags/v.*' };
const DEHAMER_ID = { issuer: 'https://github.com/login/oauth', subject: 'brian@dehamer\\.com' };
/** sha512 of the sigstore-0.4.0.tgz the registry serves (its dist.integrity, sha512-KCwMX6k2…). */
const TARBALL_SHA512 = '282c0c5fa936d264321643581b65d3de5c0af6ed4fdfac12f5851115df39cc25cfaf0ad22d908487bfef30114d61c25746206d1834be4f8fd1659178f77cc004';

const root = loadPublicGoodRoot();
const provenance = () => fixture('npm-sigstore-0.4.0-attestations.json').attestations[0].bundle;
const publish = () => fixture('npm-sigstore-0.4.0-attestations.json').attestations[1].bundle;
const keyless = (identities = [PROVENANCE_ID]): LoadedTrust => ({ keys: [], identities, trustedRoot: root });
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

test('the npm SLSA provenance of sigstore@0.4.0 verifies offline, with the workflow identity, and names the tarball', () => {
  const r = verifyBundle(provenance(), keyless());
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.signer, { kind: 'identity', issuer: GHA, subject: WORKFLOW });
  assert.equal(r.predicateType, 'https://slsa.dev/provenance/v0.2');
  assert.deepEqual(r.subjects, [{ name: 'pkg:npm/sigstore@0.4.0', digest: { sha512: TARBALL_SHA512 } }]);
});

test('every sigstore-js test bundle (v0.1, v0.2, v0.3; DSSE and in-toto entries; with and without proofs) verifies', () => {
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.sigstore'));
  assert.equal(names.length, 9);
  for (const name of names) {
    const r = verifyBundle(fixture(name), keyless([DEHAMER_ID]));
    assert.deepEqual(r.ok ? r.signer : r, { kind: 'identity', issuer: DEHAMER_ID.issuer, subject: 'brian@dehamer.com' }, name);
  }
});

test('the npm publish attestation (registry key + Rekor entry) verifies under the npm key seeded in @sigstore/tuf', () => {
  const seeds = createRequire(import.meta.url)('@sigstore/tuf/seeds.json') as Record<string, { targets: Record<string, string> }>;
  const targets = Object.values(seeds)[0].targets;
  const keysDoc = JSON.parse(Buffer.from(targets['registry.npmjs.org%2Fkeys.json'], 'base64').toString());
  const npmKey: KeyObject = createPublicKey({ key: Buffer.from(keysDoc.keys.find((k: any) => k.keyUsage === 'npm:attestations').publicKey.rawBytes, 'base64'), format: 'der', type: 'spki' });
  const trust: LoadedTrust = { keys: [{ key: npmKey, keyId: keyIdOf(npmKey) }], identities: [], trustedRoot: root };
  const r = verifyBundle(publish(), trust);
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.signer, { kind: 'key', keyId: keyIdOf(npmKey) });
  // Its hint is npm's own "SHA256:…" form: hints only route, our key list decides.
  assert.equal(publish().verificationMaterial.publicKey.hint, 'SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA');
  const other = p256().publicKey;
  assert.equal(codeOf(verifyBundle(publish(), { ...trust, keys: [{ key: other, keyId: keyIdOf(other) }] })), 'SIGNATURE_UNTRUSTED_KEY');
  const b = publish();
  b.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp = flipBase64(b.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp, 20);
  assert.equal(codeOf(verifyBundle(b, trust)), 'SIGNATURE_TLOG_INVALID');
});

test('one altered byte anywhere that matters is rejected with a coded reason', () => {
  const cases: Array<[string, (b: any) => void, string]> = [
    ['payload', (b) => { b.dsseEnvelope.payload = flipBase64(b.dsseEnvelope.payload, 40); }, 'SIGNATURE_INVALID'],
    ['signature', (b) => { b.dsseEnvelope.signatures[0].sig = flipBase64(b.dsseEnvelope.signatures[0].sig, 10); }, 'SIGNATURE_INVALID'],
    ['certificate (DER length)', (b) => { const c = b.verificationMaterial.x509CertificateChain.certificates[0]; c.rawBytes = flipBase64(c.rawBytes, 2); }, 'SIGNATURE_BAD_CERTIFICATE'],
    ['certificate (body)', (b) => { const c = b.verificationMaterial.x509CertificateChain.certificates[0]; c.rawBytes = flipBase64(c.rawBytes, 400); }, 'SIGNATURE_BAD_CERTIFICATE'],
    ['certificate (signature)', (b) => { const c = b.verificationMaterial.x509CertificateChain.certificates[0]; c.rawBytes = flipBase64(c.rawBytes, 900); }, 'SIGNATURE_BAD_CERTIFICATE'],
    ['certificate (outer framing, outside the signed part)', (b) => { const c = b.verificationMaterial.x509CertificateChain.certificates[0]; c.rawBytes = flipBase64(c.rawBytes, 0); }, 'SIGNATURE_BAD_CERTIFICATE'],
    ['certificate (signature unused-bits byte)', (b) => { const c = b.verificationMaterial.x509CertificateChain.certificates[0]; c.rawBytes = flipBase64(c.rawBytes, 824); }, 'SIGNATURE_BAD_CERTIFICATE'],
    ['intermediate certificate copy', (b) => { const c = b.verificationMaterial.x509CertificateChain.certificates[1]; c.rawBytes = flipBase64(c.rawBytes, 300); }, 'SIGNATURE_BAD_CERTIFICATE'],
    ['log entry time', (b) => { const e = b.verificationMaterial.tlogEntries[0]; e.integratedTime = String(Number(e.integratedTime) + 1); }, 'SIGNATURE_TLOG_INVALID'],
    ['signed entry timestamp', (b) => { const p = b.verificationMaterial.tlogEntries[0].inclusionPromise; p.signedEntryTimestamp = flipBase64(p.signedEntryTimestamp, 30); }, 'SIGNATURE_TLOG_INVALID'],
    ['no log entry', (b) => { b.verificationMaterial.tlogEntries = []; }, 'SIGNATURE_TIMESTAMP_INVALID'],
  ];
  for (const [what, edit, code] of cases) {
    const b = provenance();
    edit(b);
    assert.equal(codeOf(verifyBundle(b, keyless())), code, what);
  }
});

test('an altered inclusion proof is rejected', () => {
  const b = fixture('bundleV01-dsse-with-proof.sigstore');
  assert.equal(verifyBundle(b, keyless([DEHAMER_ID])).ok, true);
  const proof = b.verificationMaterial.tlogEntries[0].inclusionProof;
  proof.hashes[0] = flipBase64(proof.hashes[0], 3);
  assert.equal(codeOf(verifyBundle(b, keyless([DEHAMER_ID]))), 'SIGNATURE_TLOG_INVALID');
  // The signed checkpoint carries the root hash the proof must reach; altering it breaks its signature.
  const c = fixture('bundleV01-dsse-with-proof.sigstore');
  const cp = c.verificationMaterial.tlogEntries[0].inclusionProof.checkpoint;
  const lines = cp.envelope.split('\n');
  lines[2] = flipBase64(lines[2], 0);
  cp.envelope = lines.join('\n');
  assert.equal(codeOf(verifyBundle(c, keyless([DEHAMER_ID]))), 'SIGNATURE_TLOG_INVALID');
  // A proof for another log index does not reach the checkpoint's root.
  const d = fixture('bundleV01-dsse-with-proof.sigstore');
  d.verificationMaterial.tlogEntries[0].inclusionProof.logIndex = String(Number(d.verificationMaterial.tlogEntries[0].inclusionProof.logIndex) - 1);
  assert.equal(codeOf(verifyBundle(d, keyless([DEHAMER_ID]))), 'SIGNATURE_TLOG_INVALID');
});

test('identity policy: another workflow, another issuer, an unanchored prefix, no policy, a broken regex', () => {
  const id = (issuer: string, subject: string) => keyless([{ issuer, subject }]);
  assert.equal(codeOf(verifyBundle(provenance(), id(GHA, 'https://github\\.com/evil/repo/.*'))), 'SIGNATURE_UNTRUSTED_IDENTITY');
  assert.equal(codeOf(verifyBundle(provenance(), id('https://accounts.google.com', '.*'))), 'SIGNATURE_UNTRUSTED_IDENTITY');
  // Anchored at both ends: a pattern matching only a prefix of the SAN does not pass.
  assert.equal(codeOf(verifyBundle(provenance(), id(GHA, 'https://github\\.com/sigstore/sigstore-js/'))), 'SIGNATURE_UNTRUSTED_IDENTITY');
  assert.equal(codeOf(verifyBundle(provenance(), keyless([]))), 'SIGNATURE_NO_IDENTITY_POLICY');
  assert.equal(codeOf(verifyBundle(provenance(), id(GHA, '(unclosed'))), 'SIGNATURE_BAD_IDENTITY_POLICY');
  assert.equal(codeOf(verifyBundle(provenance(), { keys: [], identities: [PROVENANCE_ID] })), 'SIGNATURE_BAD_CERTIFICATE');
  // One matching identity among several is enough.
  assert.equal(verifyBundle(provenance(), keyless([DEHAMER_ID, PROVENANCE_ID])).ok, true);
});

test('keylessSignerOf describes who signed (no policy), and still rejects a broken certificate', () => {
  assert.deepEqual(keylessSignerOf(provenance(), root), { ok: true, issuer: GHA, subject: WORKFLOW });
  const b = provenance();
  b.verificationMaterial.x509CertificateChain.certificates[0].rawBytes = flipBase64(b.verificationMaterial.x509CertificateChain.certificates[0].rawBytes, 400);
  assert.equal(codeOf(keylessSignerOf(b, root)), 'SIGNATURE_BAD_CERTIFICATE');
  assert.equal(codeOf(keylessSignerOf(publish(), root)), 'SIGNATURE_UNSUPPORTED_BUNDLE');
});

test('a valid keyless bundle placed in a plugin passes the crypto and identity, and is rejected as another artifact', () => {
  const dir = plugin('sigstore');
  writeBundle(dir, provenance());
  assert.equal(codeOf(verify(dir, { identities: [PROVENANCE_ID] })), 'SIGNATURE_WRONG_PLUGIN');
  assert.equal(codeOf(verify(dir, { identities: [DEHAMER_ID] })), 'SIGNATURE_UNTRUSTED_IDENTITY');
  assert.equal(codeOf(verify(dir, { keys: [p256().publicKey] })), 'SIGNATURE_NO_IDENTITY_POLICY');
  const b = provenance();
  b.verificationMaterial.x509CertificateChain.certificates[0].rawBytes = flipBase64(b.verificationMaterial.x509CertificateChain.certificates[0].rawBytes, 600);
  writeBundle(dir, b);
  assert.equal(codeOf(verify(dir, { identities: [PROVENANCE_ID] })), 'SIGNATURE_BAD_CERTIFICATE');
});

test('the shipped trusted root: its windows still cover the fixtures although the seed TUF root expired', () => {
  const seeds = createRequire(import.meta.url)('@sigstore/tuf/seeds.json') as Record<string, { 'root.json': string }>;
  const tufRoot = JSON.parse(Buffer.from(Object.values(seeds)[0]['root.json'], 'base64').toString());
  // Documented staleness: the TUF root embedded in @sigstore/tuf 4.0.2 expires 2026-06-22. We never run
  // TUF, so it does not matter for offline verification; this test notices when the package changes.
  assert.equal(tufRoot.signed.expires, '2026-06-22T13:27:01Z');
  assert.ok(root.certificateAuthorities.some((ca) => ca.validFor?.end === undefined), 'an open-ended Fulcio CA');
});
