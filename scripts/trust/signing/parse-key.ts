import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Keys a plugin can be signed with: ECDSA P-256 (Sigstore's default) and Ed25519. Both work with
 * DSSE, whose verifier passes no digest algorithm; other curves and RSA would need one, so they are
 * refused up front instead of failing later as a bad signature.
 */
export type ParsedKey =
  | { ok: true; key: KeyObject; keyId: string; publicPem: string }
  | { ok: false; code: 'KEY_MALFORMED'; reason: string };

/** The largest PEM we read: a P-256 or Ed25519 key is a few hundred bytes (threat: huge input). */
export const MAX_PEM_BYTES = 64 * 1024;

export function parsePublicKey(input: string | KeyObject): ParsedKey {
  return parse(input, 'public');
}

export function parsePrivateKey(input: string): ParsedKey {
  return parse(input, 'private');
}

/** The key id Sigstore uses as a `hint`: hex sha256 of the SPKI DER of the public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

function parse(input: string | KeyObject, want: 'public' | 'private'): ParsedKey {
  let key: KeyObject;
  try {
    if (typeof input === 'string') {
      if (input.length > MAX_PEM_BYTES) return bad(`the key is ${input.length} bytes; a PEM key is under ${MAX_PEM_BYTES}`);
      if (!input.includes('-----BEGIN ')) return bad('it is not PEM (no -----BEGIN line)');
      // A private key PEM given where a public key is expected still yields its public half.
      key = want === 'public' ? createPublicKey(input) : createPrivateKey(input);
    } else {
      key = input.type === 'private' && want === 'public' ? createPublicKey(input) : input;
    }
  } catch (e) {
    return bad(`it does not parse (${(e as { code?: string }).code ?? 'invalid key'})`);
  }
  if (want === 'private' && key.type !== 'private') return bad('it is a public key; signing needs the private key');
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (!(type === 'ed25519' || (type === 'ec' && curve === 'prime256v1'))) {
    return bad(`it is a ${type ?? 'unknown'}${curve ? ` ${curve}` : ''} key; use ECDSA P-256 or Ed25519`);
  }
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return { ok: true, key, keyId: keyIdOf(pub), publicPem: pub.export({ type: 'spki', format: 'pem' }).toString() };
}

function bad(reason: string): ParsedKey {
  return { ok: false, code: 'KEY_MALFORMED', reason: `could not use the key — ${reason}` };
}
