import type { Rule } from './analysis/analysis-model.ts';
import type { Finding, Severity } from './types.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
// GitHub code scanning reads `security-severity` (0–10) to bucket results.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

/**
 * SARIF 2.1.0 for static-analysis findings: one run, every rule described once (with its default level,
 * help text and security-severity), results pointing at plugin-relative URIs under the PLUGINROOT base.
 */
export function toSarif(findings: Finding[], rules: readonly Rule[], opts: { version: string; rootUri?: string }): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'marketplace-pro',
            informationUri: 'https://github.com/anthropics/claude-code',
            semanticVersion: opts.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/^[A-Z]\d+-/, '').replace(/-(.)/g, (_m, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.title },
              help: { text: r.hint },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ['security', 'claude-code-plugin'], 'security-severity': SECURITY_SEVERITY[r.severity] },
            })),
          },
        },
        ...(opts.rootUri ? { originalUriBaseIds: { PLUGINROOT: { uri: opts.rootUri.endsWith('/') ? opts.rootUri : `${opts.rootUri}/` } } } : {}),
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: `${f.message}. Fix: ${f.hint}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), ...(opts.rootUri ? { uriBaseId: 'PLUGINROOT' } : {}) },
                region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}), snippet: { text: f.evidence } },
              },
            },
          ],
          partialFingerprints: { 'mpFinding/v1': `${f.ruleId}:${f.file}:${f.evidence}` },
          properties: { severity: f.severity, 'security-severity': SECURITY_SEVERITY[f.severity] },
        })),
      },
    ],
  };
}
