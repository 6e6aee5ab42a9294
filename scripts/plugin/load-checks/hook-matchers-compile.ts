import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { hookEntries } from './support/hook-entries.ts';
import { isBunRegex } from '../schema/is-bun-regex.ts';

export const RULE = 'load/hook-matcher-invalid';

/**
 * A matcher that is not empty, `*`, or a plain `A|B` list is compiled with `new RegExp(matcher)`.
 * When that throws, Claude Code logs "Invalid regex pattern in hook matcher" and the group never
 * matches, so its hooks silently never run. `claude plugin validate` does not check matchers.
 */
export function hookMatchersCompile(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  const seen = new Set<string>();
  for (const entry of hookEntries(ctx)) {
    const m = entry.matcher;
    const key = `${entry.file}\0${entry.matcherPointer.join('.')}`;
    if (typeof m !== 'string' || m === '' || m === '*' || /^[a-zA-Z0-9_|, -]+$/.test(m) || seen.has(key)) continue;
    seen.add(key);
    const error = regexError(m);
    if (error === null) continue;
    out.push(loadFinding({
      rule: RULE, severity: 'error', file: entry.file, path: entry.matcherPointer.join('.'),
      line: lineOfJsonPath(entry.text, entry.matcherPointer),
      message: `${entry.event} matcher "${m}" is not a valid regular expression (${error}); the hooks in this group never run.`,
      hint: 'Use an exact tool list ("Write|Edit") or a valid JavaScript regular expression.',
    }));
  }
  return out;
}

/** V8's complaint about a pattern Bun (Claude Code's engine) does not compile either; null when Bun does. */
function regexError(pattern: string): string | null {
  if (isBunRegex(pattern)) return null;
  try {
    new RegExp(pattern);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return 'not a valid regular expression';
}
