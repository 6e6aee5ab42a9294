import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isMpError } from '../core/errors.ts';
import { emptyPolicy, failedPolicy, mergePolicies } from '../policy/merge-policies.ts';
import type { EffectivePolicy, PolicyLayer } from '../policy/types.ts';
import { readPolicyFile } from './policy-file.ts';
import { resolveTrustKeys } from './resolve-trust-keys.ts';
import { claudePaths } from './claude-state/paths.ts';

export const PROJECT_POLICY = '.claude/policies/plugins.yaml';

export interface PolicyPaths {
  project: string;
  /** The org policy path and how it was found; `required` when named explicitly (flag or env). */
  org: { path: string; required: boolean; via: 'flag' | 'env' | 'managed' } | null;
}

export interface LoadPolicyOptions { cwd: string; env: Record<string, string | undefined>; orgPolicy?: string }

/** Where the project and org policies live. The project is CLAUDE_PROJECT_DIR (inside Claude Code) or cwd. */
export function policyPaths(opts: LoadPolicyOptions): PolicyPaths {
  const projectDir = opts.env.CLAUDE_PROJECT_DIR || opts.cwd;
  const project = join(projectDir, PROJECT_POLICY);
  if (opts.orgPolicy) return { project, org: { path: resolve(opts.cwd, opts.orgPolicy), required: true, via: 'flag' } };
  const fromEnv = opts.env.MP_ORG_POLICY;
  if (fromEnv) return { project, org: { path: isAbsolute(fromEnv) ? fromEnv : resolve(opts.cwd, fromEnv), required: true, via: 'env' } };
  return { project, org: { path: join(claudePaths(opts.env).managedDir, 'plugins.yaml'), required: false, via: 'managed' } };
}

/**
 * Load and merge the org and project policies. Never throws: anything that makes the policy
 * untrustworthy (unreadable or invalid file, an org policy that is required but missing) becomes a
 * failed policy, under which every decision denies. No file at all gives the empty policy.
 */
export function loadPolicy(opts: LoadPolicyOptions): { policy: EffectivePolicy; paths: PolicyPaths } {
  const paths = policyPaths(opts);
  const layers: PolicyLayer[] = [];
  const seen: EffectivePolicy['layers'] = [];
  try {
    const org = paths.org;
    if (org && (org.required || existsSync(org.path))) {
      seen.push({ origin: 'org', path: org.path });
      layers.push({ origin: 'org', path: org.path, doc: readPolicyFile(org.path) });
    }
    if (existsSync(paths.project)) {
      seen.push({ origin: 'project', path: paths.project });
      layers.push({ origin: 'project', path: paths.project, doc: readPolicyFile(paths.project) });
    }
  } catch (e) {
    if (!isMpError(e)) throw e;
    const origin = seen.at(-1)?.origin ?? 'org';
    const rule = e.code === 'POLICY_MISSING' ? 'policy.orgMissing' : `policy.${origin}Unreadable`;
    return { policy: failedPolicy({ code: e.code === 'POLICY_MISSING' ? 'ORG_POLICY_MISSING' : e.code, rule, reason: e.message }, seen), paths };
  }
  if (layers.length === 0) return { policy: emptyPolicy(), paths };
  const merged = mergePolicies(layers);
  const hasOrg = layers.some((l) => l.origin === 'org');
  if (merged.requireOrgPolicy?.value && !hasOrg) {
    const where = paths.org ? paths.org.path : 'MP_ORG_POLICY';
    return { policy: failedPolicy({ code: 'ORG_POLICY_MISSING', rule: 'policy.orgMissing', reason: `the policy requires an org policy and none was found (looked for ${where})` }, seen), paths };
  }
  // Keys named by path or PEM are turned into key ids here, so decide() compares signers purely.
  return { policy: resolveTrustKeys(merged), paths };
}
