// Property-based: whatever bytes, JSON, base64, PEM or tree shape comes in, verification answers with a
// coded result and never throws. Runs are bounded (the machine is shared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadPublicGoodRoot } from '../../../scripts/io/sigstore-material.ts';
import { keyIdOf, parsePrivateKey, parsePublicKey } from '../../../scripts/trust/signing/parse-key.ts';
import { parseStatement } from '../../../scripts/trust/signing/parse-statement.ts';
import { verifyBundle, type LoadedTrust } from '../../../scripts/trust/signing/verify-bundle.ts';
import type { SignatureResult } from '../../../scripts/trust/signing/signature-result.ts';
import { fixture, p256, plugin, sign, verify, writeBundle } from './signing-helpers.ts';

const CODES = new Set([
  'SIGNATURE_MISSING', 'SIGNATURE_UNREADABLE', 'SIGNATURE_TOO_LARGE', 'SIGNATURE_MALFORMED_BUNDLE', 'SIGNATURE_UNSUPPORTED_BUNDLE',
  'SIGNATURE_BAD_STATEMENT', 'SIGNATURE_INVALID', 'SIGNATURE_UNTRUSTED_KEY', 'SIGNATURE_NO_TRUSTED_KEYS', 'SIGNATURE_BAD_CERTIFICATE',
  'SIGNATURE_TLOG_INVALID', 'SIGNATURE_TIMESTAMP_INVALID', 'SIGNATURE_NO_IDENTITY_POLICY', 'SIGNATURE_BAD_IDENTITY_POLICY',
  'SIGNATURE_UNTRUSTED_IDENTITY', 'SIGNATURE_TREE_MISMATCH', 'SIGNATURE_WRONG_PLUGIN', 'KEY_MALFORMED',
]);
const coded = (r: { ok: boolean; code?: string }): boolean => !r.ok && (CODES.has(r.code!) || /^TREE_[A-Z_]+$/.test(r.code!));

const key = p256();
const root = loadPublicGoodRoot();
const trust: LoadedTrust = {
  keys: [{ key: key.publicKey, keyId: keyIdOf(key.publicKey) }],
  identities: [{ issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github\\.com/sigstore/.*' }],
  trustedRoot: root,
};
const provenance = fixture('npm-sigstore-0.4.0-attestations.json').attestations[0].bundle;

/** Every path to a value inside a JSON document, e.g. ['verificationMaterial', 'tlogEntries', 0, 'logIndex']. */
function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}
function replaceAt(doc: unknown, path: Array<string | number>, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(doc) as any;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p];
  if (remove) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

test('any JSON value is a coded rejection, never a throw', () => {
  fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => coded(verifyBundle(v, trust))), { numRuns: 300 });
});

test('a real public-good bundle with any one value replaced or removed: coded, never a throw', () => {
  const all = paths(provenance);
  fc.assert(
    fc.property(fc.nat(all.length - 1), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.base64String({ maxLength: 200 }), fc.constant(null)), fc.boolean(), (i, value, remove) => {
      const r = verifyBundle(replaceAt(provenance, all[i], value, remove), trust);
      return r.ok || coded(r);
    }),
    { numRuns: 400 },
  );
});

test('one flipped bit in the payload, signature or any certificate of a public-good bundle is always rejected', () => {
  const cert = (i: number) => (b: any) => ({ get: () => b.verificationMaterial.x509CertificateChain.certificates[i].rawBytes, set: (v: string) => { b.verificationMaterial.x509CertificateChain.certificates[i].rawBytes = v; } });
  const fields: Array<[string, (b: any) => { get(): string; set(v: string): void }]> = [
    ['payload', (b) => ({ get: () => b.dsseEnvelope.payload, set: (v) => { b.dsseEnvelope.payload = v; } })],
    ['signature', (b) => ({ get: () => b.dsseEnvelope.signatures[0].sig, set: (v) => { b.dsseEnvelope.signatures[0].sig = v; } })],
    ['leaf certificate', cert(0)],
    ['intermediate certificate', cert(1)],
    ['root certificate', cert(2)],
  ];
  fc.assert(
    fc.property(fc.nat(fields.length - 1), fc.nat(), fc.nat(7), (f, at, bit) => {
      const b = structuredClone(provenance);
      const field = fields[f][1](b);
      const bytes = Buffer.from(field.get(), 'base64');
      bytes[at % bytes.length] ^= 1 << bit;
      field.set(bytes.toString('base64'));
      return coded(verifyBundle(b, trust));
    }),
    { numRuns: 500 },
  );
});

test('one flipped bit in the payload or signature of a bundle signed here is always rejected', async () => {
  const dir = plugin();
  const bundle = await sign(dir, key.privateKey);
  await fc.assert(
    fc.property(fc.boolean(), fc.nat(), fc.nat(7), (payload, at, bit) => {
      const b = structuredClone(bundle);
      const target = payload ? 'payload' : 'sig';
      const holder = payload ? b.dsseEnvelope : b.dsseEnvelope.signatures[0];
      const bytes = Buffer.from(holder[target], 'base64');
      bytes[at % bytes.length] ^= 1 << bit;
      holder[target] = bytes.toString('base64');
      writeBundle(dir, b);
      return coded(verify(dir, { keys: [key.publicKey] }));
    }),
    { numRuns: 200 },
  );
});

test('arbitrary bytes as the bundle file (binary, BOM, truncated JSON): coded, never a throw', async () => {
  const dir = plugin();
  const real = JSON.stringify(await sign(dir, key.privateKey));
  fc.assert(
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        fc.nat(real.length - 1).map((n) => Buffer.from(real.slice(0, n))),
        fc.constant(Buffer.from('\uFEFF' + real)),
        fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
      ),
      (bytes) => {
        writeBundle(dir, bytes);
        const r: SignatureResult = verify(dir, { keys: [key.publicKey] });
        return coded(r);
      },
    ),
    { numRuns: 300 },
  );
});

test('arbitrary text, base64 and DER in PEM armour are KEY_MALFORMED, never a throw', () => {
  const armour = (b: Uint8Array, label: string) => `-----BEGIN ${label}-----\n${Buffer.from(b).toString('base64')}\n-----END ${label}-----\n`;
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.base64String({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 300 }).map((b) => armour(b, 'PUBLIC KEY')),
        fc.uint8Array({ maxLength: 300 }).map((b) => armour(b, 'PRIVATE KEY')),
        fc.uint8Array({ maxLength: 300 }).map((b) => armour(b, 'CERTIFICATE')),
      ),
      (text) => {
        const pub = parsePublicKey(text);
        const priv = parsePrivateKey(text);
        return !pub.ok && pub.code === 'KEY_MALFORMED' && !priv.ok && priv.code === 'KEY_MALFORMED';
      },
    ),
    { numRuns: 400 },
  );
  assert.equal(parsePublicKey('-----BEGIN PUBLIC KEY-----\n' + 'A'.repeat(200_000)).ok, false);
});

test('statement payloads of any shape parse to a result, never a throw', () => {
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.jsonValue({ maxDepth: 5 }).map((v) => Buffer.from(JSON.stringify(v) ?? ''))), (bytes) => {
      const r = parseStatement(bytes);
      return typeof r.ok === 'boolean';
    }),
    { numRuns: 300 },
  );
});

test('huge, deeply nested and binary inputs: coded results', async () => {
  const dir = plugin();
  const codeOf = () => { const r = verify(dir, { keys: [key.publicKey] }); return r.ok ? 'ok' : r.code; };
  writeBundle(dir, Buffer.alloc(8 * 1024 * 1024, 0x7b));
  assert.equal(codeOf(), 'SIGNATURE_TOO_LARGE');
  writeBundle(dir, '['.repeat(600_000) + ']'.repeat(600_000));
  assert.equal(codeOf(), 'SIGNATURE_TOO_LARGE');
  writeBundle(dir, '['.repeat(100_000) + ']'.repeat(100_000));
  assert.equal(codeOf(), 'SIGNATURE_MALFORMED_BUNDLE');
  const deep = replaceAt(provenance, ['verificationMaterial', 'tlogEntries', 0, 'kindVersion'], JSON.parse('{"a":'.repeat(5000) + '1' + '}'.repeat(5000)), false);
  assert.ok(coded(verifyBundle(deep, trust)));
  // A valid signature over a tree too deep to digest, and a tree with binary files, answer with codes.
  await sign(dir, key.privateKey);
  mkdirSync(join(dir, ...Array.from({ length: 70 }, (_, i) => `d${i}`)), { recursive: true });
  writeFileSync(join(dir, ...Array.from({ length: 70 }, (_, i) => `d${i}`), 'f.bin'), Buffer.from([0, 255, 0, 1]));
  assert.equal(codeOf(), 'TREE_TOO_DEEP');
  const bin = plugin('bin', { 'data/blob.bin': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255)) });
  await sign(bin, key.privateKey);
  assert.equal(verify(bin, { keys: [key.publicKey] }).ok, true);
});
