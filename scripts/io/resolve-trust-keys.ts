import { dirname } from 'node:path';
import { isMpError } from '../core/errors.ts';
import type { EffectivePolicy, EffectiveSignatureRequirement } from '../policy/types.ts';
import { parsePublicKey } from '../trust/signing/parse-key.ts';
import { resolvePolicyKeys } from './read-pem-file.ts';

/**
 * Give every `trust.requireSignature` entry that lists keys the ids of those keys (`sha256:<hex>` of the
 * SPKI DER, as signerFact() and the lock name a key signer), reading PEM paths relative to the policy
 * file that declared them. A key that cannot be read or parsed sets `keyError` instead: decide() then
 * refuses every key signer for that requirement (fail closed), while identities still work.
 */
export function resolveTrustKeys(policy: EffectivePolicy): EffectivePolicy {
  if (!policy.trust.requireSignature.some((r) => r.value.keys?.length)) return policy;
  const requireSignature = policy.trust.requireSignature.map((req): EffectiveSignatureRequirement => {
    const keys = req.value.keys ?? [];
    if (keys.length === 0) return req;
    try {
      const keyIds = resolvePolicyKeys(keys, dirname(req.path)).map((pem, i) => {
        const parsed = parsePublicKey(pem);
        if (!parsed.ok) throw new Error(`${describe(keys[i])}: ${parsed.reason}`);
        return `sha256:${parsed.keyId}`;
      });
      return { ...req, keyIds };
    } catch (e) {
      return { ...req, keyError: isMpError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e) };
    }
  });
  return { ...policy, trust: { ...policy.trust, requireSignature } };
}

function describe(key: string): string {
  return key.includes('-----BEGIN ') ? 'an inline key' : key.slice(0, 200);
}
