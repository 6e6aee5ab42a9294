import type { Finding, RuleId, Severity } from '../types.ts';
import type { PackageScript } from './config/scan-package-json.ts';
import type { Effect, HookDecl, Loc, MarkdownDecl, McpDecl, ProseLine, Unit } from './model.ts';
import type { PluginEntry } from './plugin-files.ts';

/** Everything the front-ends extracted from one plugin; the rules read only this. */
export interface AnalysisModel {
  entries: Map<string, PluginEntry>;
  /** Code files on disk, by plugin-relative path. */
  fileUnits: Map<string, Unit>;
  hooks: HookDecl[];
  mcps: McpDecl[];
  markdown: MarkdownDecl[];
  prose: ProseLine[];
  packages: Array<{ file: string; scripts: PackageScript[] }>;
  binaries: Array<{ file: string; what: string }>;
  /** Text of every text file read (for hidden-Unicode checks). */
  texts: Map<string, string>;
  /** Files reached from a hook, an MCP/LSP launch line, a `!` injection, bin/ or a package script. */
  reached: Map<string, Set<string>>;
  /** Scripts each hook runs, directly or through the scripts it runs (up to three levels). */
  hookScripts: Map<HookDecl, string[]>;
  /** Every unit: file units, hook command lines, MCP launch lines, injections, package scripts. */
  allUnits(): Unit[];
}

/** A finding before evidence is rendered: where, how bad, why. */
export interface RawFinding { severity: Severity; loc: Loc; message: string; hint?: string }

export interface Rule {
  id: RuleId;
  /** Severity when the rule fires at its baseline (some findings go higher or lower, documented per rule). */
  severity: Severity;
  title: string;
  hint: string;
  check(model: AnalysisModel): RawFinding[];
}

export type { Effect, Finding };
