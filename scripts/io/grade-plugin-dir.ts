import type { EffectivePolicy, PluginFacts } from '../policy/types.ts';
import { trustRules } from '../policy/trust-rules.ts';
import { analyzePlugin } from '../trust/analysis/analyze-plugin.ts';
import { gradePlugin } from '../trust/grade-plugin.ts';
import { pluginFacts, withEntryFacts } from '../trust/plugin-facts.ts';
import { raiseGrade } from '../trust/raise-grade.ts';
import { trustReport, type TrustReport } from '../trust/report/trust-report.ts';
import type { GradeInput, SignatureFacts } from '../trust/score/inputs.ts';
import { registryFacts } from '../trust/score/registry-facts.ts';
import { readGitHistory } from './git-history.ts';
import { nodePluginFiles } from './plugin-files.ts';
import type { TrustTarget } from './resolve-trust-target.ts';
import { signatureFacts } from './trust-signature.ts';

export interface GradeDirOptions {
  policy: EffectivePolicy;
  /** Wall clock for the score (ms since the epoch) and a monotonic clock for the analysis budget. */
  now: number;
  clock: () => number;
  extraKeys?: string[];
  /** Skip git (and say why in the evidence), e.g. for the stripped corpus. */
  noHistory?: string;
  /** README/LICENSE presence cannot be known (the file set was stripped). */
  filesStripped?: boolean;
  /** Skip signature verification (and say why). */
  noSignature?: string;
}

/** All the I/O of grading one plugin directory, composed: analysis, facts, git log, signature, policy; then the pure grade. */
export async function gradePluginDir(target: TrustTarget, opts: GradeDirOptions): Promise<{ report: TrustReport; input: GradeInput }> {
  const analysis = await analyzePlugin(nodePluginFiles(target.dir), { clock: opts.clock });
  const facts = pluginFacts(analysis.model, target.name);
  const name = facts.manifest.name;
  const id = target.marketplace ? `${name}@${target.marketplace}` : name;
  const hist = opts.noHistory ? { ok: false as const, reason: opts.noHistory } : readGitHistory(target.historyDir);
  const signature: SignatureFacts = opts.noSignature ? { status: 'unavailable', reason: opts.noSignature } : signatureFacts(target.dir, { id, name, ...(target.marketplace ? { registry: target.marketplace } : {}) }, opts.policy, opts.extraKeys ?? []);
  const input: GradeInput = {
    findings: analysis.findings,
    notes: analysis.notes,
    signature,
    registry: registryFacts({ name, ...(target.marketplace ? { marketplace: target.marketplace } : {}) }, opts.policy),
    manifest: { ...withEntryFacts(facts.manifest, target.entry), ...(target.marketplaceOwner ? { marketplaceOwner: target.marketplaceOwner } : {}) },
    files: opts.filesStripped ? { licenseFile: 'unknown', readme: 'unknown' } : facts.files,
    history: hist.ok ? hist.history : null,
    ...(hist.ok ? {} : { historyNote: hist.reason }),
    now: opts.now,
  };
  const result = gradePlugin(input);
  const improvements = raiseGrade(input, result);
  const plugin: PluginFacts = {
    id,
    name,
    marketplace: target.marketplace ?? '',
    ...(target.marketplace ? { registry: target.marketplace } : {}),
    grade: result.grade,
    ...(signature.status === 'verified' ? { signer: signature.signer.kind === 'key' ? { key: `sha256:${signature.signer.keyId}` } : { issuer: signature.signer.issuer, subject: signature.signer.subject } } : {}),
    findings: result.findings.map((f) => ({ severity: f.severity, rule: f.ruleId, message: f.message })),
  };
  const violations = opts.policy.failure ? [`the policy cannot be trusted (${opts.policy.failure.reason}): fail closed`] : trustRules(plugin, opts.policy).filter((h) => h.effect === 'deny').map((h) => `${h.rule}: ${h.reason}`);
  return { report: trustReport({ name, ...(target.marketplace ? { id } : {}), dir: target.dir }, result, analysis.notes, improvements, violations), input };
}
