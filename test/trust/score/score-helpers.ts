// A baseline GradeInput the score tests vary one field at a time (fixed clock: 2025-06-01).
import type { GradeInput } from '../../../scripts/trust/score/inputs.ts';
import type { Finding, RuleId, Severity } from '../../../scripts/trust/types.ts';

export const NOW = Date.parse('2025-06-01T00:00:00Z');
export const DAY = 86_400_000;

export function finding(ruleId: RuleId, severity: Severity, file = 'hooks/hooks.json', line = 1): Finding {
  return { ruleId, severity, file, line, evidence: 'x', message: 'm', hint: 'h' };
}

/** Everything perfect: verified identity of the repository, pinned registry, full community, committed today. */
export function perfect(): GradeInput {
  return {
    findings: [],
    notes: [],
    signature: { status: 'verified', signer: { kind: 'identity', issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/acme/tool/.github/workflows/release.yml@refs/tags/v1' } },
    registry: { name: 'corp', listed: true, priority: 10, pinned: false, blocked: false, policyFound: true },
    manifest: { name: 'tool', authorName: 'acme', authorEmail: 'dev@acme.example', repository: 'https://github.com/acme/tool', homepage: 'https://acme.example/tool', license: 'MIT' },
    files: { licenseFile: true, readme: true },
    history: { commits: Array.from({ length: 30 }, (_, i) => ({ sha: String(i).padStart(40, '0'), email: `dev${i % 3}@acme.example`, date: new Date(NOW - i * 3 * DAY).toISOString() })) },
    now: NOW,
  };
}
