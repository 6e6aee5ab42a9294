import validate from '../generated/validate-policy.js';
import type { PolicyDoc } from './types.ts';

export type PolicyValidation = { ok: true; doc: PolicyDoc } | { ok: false; issues: string[] };

/**
 * Check a parsed policy file against schemas/policy.schema.json, through the validator compiled at
 * build time (scripts/generated/validate-policy.js), so no hook compiles a schema. Never throws.
 */
export function validatePolicyDoc(value: unknown): PolicyValidation {
  if (validate(value)) return { ok: true, doc: value as PolicyDoc };
  const issues = (validate.errors ?? []).map((e) => {
    const extra = e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : '';
    return `${e.instancePath || '(root)'}: ${e.message ?? 'invalid'}${extra}`;
  });
  return { ok: false, issues: [...new Set(issues)] };
}
