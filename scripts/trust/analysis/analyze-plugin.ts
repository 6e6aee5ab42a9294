import type { AnalysisResult } from '../types.ts';
import type { AnalysisModel } from './analysis-model.ts';
import { buildModel, DEFAULT_LIMITS, type Limits } from './build-model.ts';
import { finalizeFindings } from './finalize-findings.ts';
import type { PluginFiles } from './plugin-files.ts';
import { RULES } from './rules/index.ts';
import { loadShellParser } from './shell/load-shell-parser.ts';

export interface AnalyzeOptions {
  /** A monotonic clock in ms (injected; the core reads none). Without it the time budget is not enforced. */
  clock?: () => number;
  /** Stop analysing new files after this many ms (default 30 s). */
  timeBudgetMs?: number;
  limits?: Partial<Limits>;
}

/**
 * Static analysis of everything a plugin would execute or inject (anchors.md §3): hooks and the scripts
 * they run, MCP/LSP servers, bin/, scripts, `!` injections, allowed-tools, package.json scripts, and the
 * prose the model reads. Pure over the PluginFiles port; never throws (bad input becomes notes).
 */
export async function analyzePlugin(files: PluginFiles, opts: AnalyzeOptions = {}): Promise<AnalysisResult & { model: AnalysisModel }> {
  await loadShellParser();
  return analyzeLoaded(files, opts);
}

/** The synchronous part, for callers that already awaited loadShellParser(). */
export function analyzeLoaded(files: PluginFiles, opts: AnalyzeOptions = {}): AnalysisResult & { model: AnalysisModel } {
  const clock = opts.clock;
  const start = clock ? clock() : 0;
  const budget = opts.timeBudgetMs ?? 30_000;
  const expired = clock ? () => clock() - start > budget : () => false;
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const { model, notes, skipped } = buildModel(files, limits, expired);
  const results = RULES.map((rule) => {
    try {
      return { rule, raw: rule.check(model) };
    } catch (e) {
      notes.push({ code: 'RULE_FAILED', message: `rule ${rule.id} failed on this input: ${String((e as Error)?.message ?? e).slice(0, 120)}` });
      return { rule, raw: [] };
    }
  });
  const findings = finalizeFindings(model, results);
  return {
    findings,
    notes,
    stats: { filesScanned: model.texts.size, filesSkipped: skipped, hooks: model.hooks.length, mcpServers: model.mcps.length, markdown: model.markdown.length },
    model,
  };
}
