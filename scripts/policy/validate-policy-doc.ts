import { Ajv } from 'ajv';
import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import type { PolicyDoc } from './types.ts';

export type PolicyValidation = { ok: true; doc: PolicyDoc } | { ok: false; issues: string[] };

let compiled: ((v: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }> | null } | null = null;

/** Check a parsed policy file against schemas/policy.schema.json. Returns issues, never throws. */
export function validatePolicyDoc(value: unknown): PolicyValidation {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (compiled(value)) return { ok: true, doc: value as PolicyDoc };
  const issues = (compiled.errors ?? []).map((e) => {
    const extra = e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : '';
    return `${e.instancePath || '(root)'}: ${e.message ?? 'invalid'}${extra}`;
  });
  return { ok: false, issues: [...new Set(issues)] };
}
