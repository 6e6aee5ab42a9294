import type { AnalysisNote } from '../types.ts';
import type { Effect, Loc, ProseLine } from './model.ts';

/** The front-ends, passed around so embedded code (`bash -c`, `python -c`, execSync('…')) re-enters them without import cycles. */
export interface Scanners {
  shell(src: string, ctx: ScanContext): Effect[];
  js(src: string, ctx: ScanContext): Effect[];
  python(src: string, ctx: ScanContext): Effect[];
}

/** Shared by every scan of one plugin: caps so hostile input cannot make the analysis run forever. */
export interface Budget {
  /** Syntax nodes still allowed to be visited. */
  nodes: number;
  /** True once the time budget is spent (the clock is injected; the core never reads one). */
  expired: () => boolean;
  notes: AnalysisNote[];
}

/** Where a piece of source text sits, so effects found in it point at the right file and line. */
export interface ScanContext {
  /** Plugin-relative path of the file the text is in. */
  file: string;
  /** That file's lines (for evidence snippets). */
  lines: string[];
  /** Line of the file where this text starts (1-based). */
  line0: number;
  /** When the text is embedded in a one-line value (a JSON string, a decoded blob): every effect is at line0. */
  fixedLine: boolean;
  /** How we got here from the file, e.g. ['bash -c', 'base64-decoded']. */
  via: string[];
  /** Nesting depth of embedded scans. */
  depth: number;
  /** Plugin-relative directory of the script being scanned ('' for the root). */
  selfDir: string;
  scanners: Scanners;
  budget: Budget;
  /** Text the model will read that code declares (MCP tool descriptions): checked for prompt injection. */
  prose: ProseLine[];
}

export const MAX_EMBED_DEPTH = 5;

/** The location of something at `line` (1-based, relative to the scanned text) and `column`. */
export function locAt(ctx: ScanContext, line: number, column?: number, extraVia?: string): Loc {
  const abs = ctx.fixedLine ? ctx.line0 : ctx.line0 + Math.max(0, line - 1);
  const snippet = (ctx.lines[abs - 1] ?? '').trim();
  const via = extraVia ? [...ctx.via, extraVia] : ctx.via;
  return { file: ctx.file, line: abs, ...(column && !ctx.fixedLine && ctx.via.length === 0 ? { column } : {}), snippet, ...(via.length ? { via } : {}) };
}

/** A context for text embedded at `line` of the current one (an inline -c string, a heredoc, a decoded blob). */
export function embedded(ctx: ScanContext, line: number, via: string, fixed: boolean): ScanContext {
  const abs = ctx.fixedLine ? ctx.line0 : ctx.line0 + Math.max(0, line - 1);
  return { ...ctx, line0: abs, fixedLine: ctx.fixedLine || fixed, via: [...ctx.via, via], depth: ctx.depth + 1 };
}
