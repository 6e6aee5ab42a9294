import type { ShParser, ShSyntax } from 'mvdan-sh';

export interface ShellParser { syntax: ShSyntax; parser: ShParser }
let loaded: ShellParser | null = null;

/**
 * Load mvdan-sh (1.5 MB of GopherJS) once, on first use, so commands that never analyse shell never
 * pay for it. The package sets `Error.stackTraceLimit = Infinity` globally when it loads; we restore
 * the previous value so every later error in the process does not capture an unbounded stack.
 */
export async function loadShellParser(): Promise<ShellParser> {
  if (loaded) return loaded;
  const limit = Error.stackTraceLimit;
  try {
    const mod = (await import('mvdan-sh')) as unknown as { default?: { syntax: ShSyntax }; syntax?: ShSyntax };
    const syntax = (mod.default?.syntax ?? mod.syntax) as ShSyntax;
    loaded = { syntax, parser: syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash)) };
  } finally {
    Error.stackTraceLimit = limit;
  }
  return loaded;
}

/** The parser, once loadShellParser() resolved; null before. */
export function shellParser(): ShellParser | null {
  return loaded;
}
