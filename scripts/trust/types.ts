/**
 * The trust engine's data model: static-analysis findings, the five score parts and the grade.
 * `gradePlugin(input)` (grade-plugin.ts) is the public entry; `analyzePlugin` (analysis/) feeds it.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export type RuleId =
  | 'H1-fetch-pipe-exec'
  | 'H2-remote-eval'
  | 'H3-auto-approve'
  | 'H4-persistence'
  | 'H5-secret-read'
  | 'H6-network-sink'
  | 'H7-broad-matcher'
  | 'H8-context-injection'
  | 'H9-outside-root'
  | 'H10-obfuscation'
  | 'H11-privilege-destruction'
  | 'H12-detach'
  | 'H13-dynamic-code'
  | 'M1-unpinned-mcp'
  | 'M2-remote-mcp'
  | 'M3-tool-poisoning'
  | 'S1-broad-tools'
  | 'S2-pre-execution'
  | 'P1-install-scripts'
  | 'P2-binaries';

/** One static-analysis finding. `file` is plugin-relative (posix); `evidence` is short, secrets masked. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  file: string;
  line: number;
  column?: number;
  evidence: string;
  message: string;
  hint: string;
}

/** Something the analysis could not do (file too large, parse failure, cap reached): never silent. */
export interface AnalysisNote {
  code: string;
  file?: string;
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  notes: AnalysisNote[];
  stats: { filesScanned: number; filesSkipped: number; hooks: number; mcpServers: number; markdown: number };
}

export interface Part {
  /** 0–100, an integer. */
  score: number;
  /** Why: one line per signal, including the ones that could not be computed. */
  evidence: string[];
}

export interface Parts {
  signed: Part;
  reputation: Part;
  codeAnalysis: Part;
  community: Part;
  freshness: Part;
}

export const WEIGHTS: Readonly<Record<keyof Parts, number>> = {
  signed: 0.25,
  reputation: 0.2,
  codeAnalysis: 0.25,
  community: 0.15,
  freshness: 0.15,
};

export interface GradeResult {
  /** The overall score after any cap, 0–100 with two decimals. */
  score: number;
  /** The weighted sum before caps. */
  rawScore: number;
  grade: Grade;
  /** Set when a critical finding capped the grade. */
  cap: { grade: Grade; reason: string } | null;
  parts: Parts;
  findings: Finding[];
  /** Overall evidence lines (caps, inputs that were missing). */
  evidence: string[];
}
