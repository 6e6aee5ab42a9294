import { gradePlugin } from './grade-plugin.ts';
import type { GradeInput } from './score/inputs.ts';
import type { Grade, GradeResult, RuleId } from './types.ts';

export interface Improvement {
  action: string;
  /** Points the overall score would gain (after caps). */
  gain: number;
  /** The grade after this one change. */
  grade: Grade;
}

/**
 * "What would raise the grade": each concrete action is simulated by re-grading a modified input, so
 * the gains are exact, not estimates. Sorted by gain; actions that would not change the score are left out.
 */
export function raiseGrade(input: GradeInput, current: GradeResult = gradePlugin(input)): Improvement[] {
  const tries: Array<[string, GradeInput]> = [];
  if (input.signature.status !== 'verified') {
    tries.push([`sign the plugin with \`mp sign\` and have the policy trust that key or identity (trust.requireSignature)`, { ...input, signature: { status: 'verified', signer: { kind: 'identity', issuer: 'https://token.actions.githubusercontent.com', subject: input.manifest.repository ?? input.manifest.name } } }]);
  }
  const rules = [...new Set(input.findings.map((f) => f.ruleId))];
  for (const rule of rules) {
    const hits = input.findings.filter((f) => f.ruleId === rule);
    const where = hits.slice(0, 3).map((f) => `${f.file}:${f.line}`).join(', ') + (hits.length > 3 ? `, +${hits.length - 3} more` : '');
    tries.push([`fix ${rule} (${where}): ${hits[0].hint}`, { ...input, findings: input.findings.filter((f) => f.ruleId !== (rule as RuleId)) }]);
  }
  if (rules.length > 1) tries.push(['fix every finding', { ...input, findings: [] }]);
  if (input.files.licenseFile === false) tries.push(['add a LICENSE file', { ...input, files: { ...input.files, licenseFile: true } }]);
  if (!input.manifest.license) tries.push(['declare an SPDX "license" in plugin.json (e.g. "MIT")', { ...input, manifest: { ...input.manifest, license: 'MIT' } }]);
  if (input.files.readme === false) tries.push(['add a README', { ...input, files: { ...input.files, readme: true } }]);
  if (!input.manifest.repository) tries.push(['set "repository" in plugin.json', { ...input, manifest: { ...input.manifest, repository: `https://github.com/${input.manifest.authorName ?? 'owner'}/${input.manifest.name}` } }]);
  if (!input.manifest.homepage) tries.push(['set "homepage" in plugin.json', { ...input, manifest: { ...input.manifest, homepage: input.manifest.repository ?? 'https://example.invalid' } }]);
  if (!input.manifest.authorName || (!input.manifest.authorEmail && !input.manifest.authorUrl)) tries.push(['set "author" with a name and an email or url in plugin.json', { ...input, manifest: { ...input.manifest, authorName: input.manifest.authorName ?? 'publisher', authorUrl: input.manifest.authorUrl ?? 'https://example.invalid' } }]);
  if (input.registry.name && !input.registry.listed && !input.registry.blocked) tries.push([`list the ${input.registry.name} registry in the policy (registries: [{name: ${input.registry.name}, priority: 10}])`, { ...input, registry: { ...input.registry, listed: true, priority: 10 } }]);
  if (input.history?.commits[0] && input.now - Date.parse(input.history.commits[0].date) > 30 * 86_400_000) tries.push(['publish a commit or release (freshness is full within 30 days)', { ...input, history: { commits: [{ sha: '0', email: input.history.commits[0].email, date: new Date(input.now).toISOString() }, ...input.history.commits] } }]);
  const out: Improvement[] = [];
  for (const [action, changed] of tries) {
    const r = gradePlugin(changed);
    const gain = Math.round((r.score - current.score) * 100) / 100;
    if (gain > 0) out.push({ action, gain, grade: r.grade });
  }
  return out.sort((a, b) => b.gain - a.gain || (a.action < b.action ? -1 : 1));
}
