import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { claudeRuleId } from './claude-rule-id.ts';
import { lineOfJsonPath, type JsonPath } from './json-line.ts';
import type { ExtraFinding, Issue, ValidationReport } from './report.ts';
import { RULE_DOCS } from './rule-docs.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Artifact URIs are made relative to this directory (the repository root in CI). */
  cwd: string;
  toolVersion: string;
  /** File text for locating Claude-level issues by line; return null when unreadable. */
  readText?: (abs: string) => string | null;
}

type Level = 'error' | 'warning' | 'note';

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } }>;
  properties: { mpLevel: 'claude' | 'load' | 'lint'; path?: string };
}

/**
 * The reports as one SARIF 2.1.0 log for GitHub code scanning: one run, tool `mp`, every Claude-level
 * issue (rule `claude/<slug>`) and every load/lint finding as a result with a file and, when known, a
 * line. Paths inside `cwd` become relative URIs against `%SRCROOT%`; others become file:// URIs.
 */
export function toSarif(reports: readonly ValidationReport[], opts: SarifOptions): object {
  const rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: Level } }> = [];
  const index = new Map<string, number>();
  const ruleIndex = (id: string, description: string, level: Level): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = rules.length;
      index.set(id, i);
      rules.push({ id, shortDescription: { text: description }, defaultConfiguration: { level } });
    }
    return i;
  };
  const texts = new Map<string, string | null>();
  const textOf = (file: string) => (texts.has(file) ? texts.get(file)! : (texts.set(file, opts.readText?.(file) ?? null), texts.get(file)!));
  const results: Result[] = [];
  for (const report of reports) {
    if (report.fatal !== undefined) {
      results.push(result(ruleIndex('claude/unexpected-error', 'claude plugin validate stops with an unexpected error', 'error'), 'claude/unexpected-error', 'error', report.fatal, report.target, undefined, 'claude', opts));
    }
    for (const block of report.blocks) {
      for (const [issues, level] of [[block.errors, 'error'], [block.warnings, 'warning']] as const) {
        for (const issue of issues) {
          const { id, description } = claudeRuleId(issue.message);
          const line = locate(issue, block.file, block.kind, textOf(block.file));
          results.push(result(ruleIndex(id, description, level), id, level, `${issue.path}: ${issue.message}`, block.file, line, 'claude', opts, issue.path));
        }
      }
    }
    for (const f of report.extra) {
      const level: Level = f.severity;
      const text = f.hint ? `${f.message} (${f.hint})` : f.message;
      results.push(result(ruleIndex(f.rule, RULE_DOCS[f.rule] ?? f.rule, level), f.rule, level, text, f.file, f.line, f.level, opts, f.path));
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'mp', fullName: 'marketplace-pro validate', version: opts.toolVersion, semanticVersion: opts.toolVersion, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd.endsWith('/') ? opts.cwd : `${opts.cwd}/`).href } },
      results,
    }],
  };
}

function result(ruleIndex: number, ruleId: string, level: Level, text: string, file: string, line: number | undefined, mpLevel: Result['properties']['mpLevel'], opts: SarifOptions, path?: string): Result {
  const rel = relative(opts.cwd, file).split('\\').join('/');
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const artifactLocation = inside ? { uri: encodeURI(rel), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(file).href };
  return {
    ruleId, ruleIndex, level, message: { text },
    locations: [{ physicalLocation: { artifactLocation, ...(line !== undefined && line > 0 ? { region: { startLine: line } } : {}) } }],
    properties: { mpLevel, ...(path ? { path } : {}) },
  };
}

/** The line of a Claude-level issue: a JSON pointer in a manifest, or a frontmatter key in markdown. */
function locate(issue: Issue, file: string, kind: string, text: string | null): number | undefined {
  if (text === null) return undefined;
  const path = issue.path.replace(/^plugins\[(\d+)\] plugin\.json → .*$/, 'plugins.$1');
  if (kind === 'skill' || kind === 'agent' || kind === 'command') {
    const i = text.split(/\r?\n/).findIndex((l) => l.startsWith(`${path}:`));
    return i === -1 ? 1 : i + 1;
  }
  if (['root', 'file', 'json', 'directory'].includes(path)) return undefined;
  return lineOfJsonPath(text, pointerOf(path)) ?? lineOfJsonPath(text, pointerOf(path).slice(0, 1));
}

/** `plugins[1].source`, `plugins.0.source`, `commands.x.source` → ['plugins', 1, 'source'] … */
export function pointerOf(path: string): JsonPath {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
