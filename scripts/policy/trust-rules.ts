import { pluginGlobMatch } from './glob-match.ts';
import type { EffectivePolicy, EffectiveSignatureRequirement, Finding, Grade, PluginFacts, RuleHit, Severity, Signer, SignatureRequirement } from './types.ts';

const GRADE_ORDER: Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** The trust section: minimum grade, required signatures, denied finding severities. Absent facts deny. */
export function trustRules(plugin: PluginFacts, policy: EffectivePolicy): RuleHit[] {
  const hits: RuleHit[] = [];
  const { minGrade, requireSignature, denySeverities } = policy.trust;
  if (minGrade) {
    const at = { origin: minGrade.origin, path: minGrade.path };
    if (!plugin.grade) hits.push({ rule: 'trust.minGrade', effect: 'deny', reason: `the policy requires grade ${minGrade.value} or better and ${plugin.id} has not been graded`, ...at });
    else {
      const ok = GRADE_ORDER.indexOf(plugin.grade) <= GRADE_ORDER.indexOf(minGrade.value);
      hits.push({ rule: 'trust.minGrade', effect: ok ? 'allow' : 'deny', reason: `${plugin.id} has grade ${plugin.grade}; the policy requires ${minGrade.value} or better`, ...at });
    }
  }
  requireSignature.forEach((req, i) => {
    if (!applies(req.value, plugin)) return;
    const at = { origin: req.origin, path: req.path };
    const rule = `trust.requireSignature[${i}]`;
    const why = plugin.signer ? signerProblem(req, plugin.signer) : `the policy requires a signature on ${plugin.id} and none was verified`;
    hits.push(why
      ? { rule, effect: 'deny', reason: plugin.signer ? `${plugin.id} is signed by ${describeSigner(plugin.signer)}, which ${why}` : why, ...at }
      : { rule, effect: 'allow', reason: `${plugin.id} is signed by ${describeSigner(plugin.signer!)}`, ...at });
  });
  if (denySeverities.length) {
    const severities = denySeverities.map((d) => d.value);
    const at = { origin: denySeverities[0].origin, path: denySeverities[0].path };
    if (!plugin.findings) hits.push({ rule: 'trust.denySeverities', effect: 'deny', reason: `the policy denies ${severities.join('/')} findings and ${plugin.id} has not been analysed`, ...at });
    else {
      const bad = plugin.findings.filter((f) => severities.includes(f.severity));
      hits.push(bad.length
        ? { rule: 'trust.denySeverities', effect: 'deny', reason: `${plugin.id} has ${describeFindings(bad)}`, ...at }
        : { rule: 'trust.denySeverities', effect: 'allow', reason: `${plugin.id} has no ${severities.join('/')} findings`, ...at });
    }
  }
  return hits;
}

/** A requirement with neither `plugins` nor `registries` applies to every plugin. */
function applies(req: SignatureRequirement, plugin: PluginFacts): boolean {
  if (!req.plugins && !req.registries) return true;
  return (req.plugins ?? []).some((p) => pluginGlobMatch(p, plugin, true)) || (plugin.registry !== undefined && (req.registries ?? []).includes(plugin.registry));
}

/**
 * Was the signature (verified by the trust engine, or recorded in the lock) made by someone this
 * requirement accepts? A key signer must be one of the requirement's keys, compared by key id (threat:
 * a hand-edited lock naming any key); an identity needs the same issuer and a subject matching the
 * anchored regex, with the `u` flag as in the signing engine. A requirement naming neither accepts no one.
 * Returns why not, or null when satisfied.
 */
function signerProblem(req: EffectiveSignatureRequirement, signer: Signer): string | null {
  const keys = req.value.keys ?? [];
  const identities = req.value.identities ?? [];
  if (signer.key !== undefined && keys.length) {
    if (req.keyError) return `cannot be checked: a key of the requirement is unusable (${req.keyError})`;
    if (!req.keyIds) return 'cannot be checked: the requirement\'s keys were not loaded';
    if (req.keyIds.includes(signer.key)) return null;
  }
  if (signer.subject !== undefined && identities.some((id) => id.issuer === signer.issuer && anchored(id.subject, signer.subject!))) return null;
  if (!keys.length && !identities.length) return 'is not enough: the requirement names no key and no identity to accept';
  return 'is not an accepted key or identity';
}

function anchored(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return false;
  }
}

/** "1 critical finding (H1-fetch-pipe-exec) and 2 high findings (H8-context-injection)", most severe first. */
function describeFindings(findings: readonly Finding[]): string {
  const order: Severity[] = ['critical', 'high', 'medium', 'low'];
  return order.flatMap((severity) => {
    const of = findings.filter((f) => f.severity === severity);
    if (!of.length) return [];
    const rules = [...new Set(of.flatMap((f) => (f.rule ? [f.rule] : [])))];
    return [`${of.length} ${severity} finding${of.length === 1 ? '' : 's'}${rules.length ? ` (${rules.join(', ')})` : ''}`];
  }).join(' and ');
}

function describeSigner(s: Signer): string {
  return s.subject ? `${s.subject} (${s.issuer ?? 'unknown issuer'})` : s.key ? `key ${s.key}` : 'an unnamed signer';
}
