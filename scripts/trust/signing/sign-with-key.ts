import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { DSSEBundleBuilder, type Signer } from '@sigstore/sign';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { keyIdOf } from './parse-key.ts';
import { PAYLOAD_TYPE, type PluginStatement } from './plugin-statement.ts';

/**
 * Sign a plugin statement with a local key, offline: a Sigstore v0.3 DSSE bundle whose verification
 * material is the public key hint (sha256 of its SPKI DER). No witnesses: no Fulcio certificate, no
 * Rekor entry, no timestamp, so the bundle proves only "the holder of this key signed this tree".
 * The private key must already be checked by parsePrivateKey (P-256 or Ed25519).
 */
export async function signWithKey(statement: PluginStatement, privateKey: KeyObject): Promise<SerializedBundle> {
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const hint = keyIdOf(publicKey);
  // Ed25519 takes no digest; ECDSA P-256 signs the SHA-256 of the DSSE pre-authentication encoding.
  const digest = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
  const signer: Signer = {
    async sign(data: Buffer) {
      return { signature: sign(digest, data, privateKey), key: { $case: 'publicKey', publicKey: publicPem, hint } };
    },
  };
  const bundle = await new DSSEBundleBuilder({ signer, witnesses: [] }).create({
    data: Buffer.from(JSON.stringify(statement), 'utf8'),
    type: PAYLOAD_TYPE,
  });
  return bundleToJSON(bundle);
}
