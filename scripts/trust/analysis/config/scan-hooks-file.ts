import { lineOfJsonPath } from '../../../plugin/json-line.ts';
import type { HookDecl } from '../model.ts';
import type { ScanContext } from '../scan-context.ts';
import { hooksFromMap, isEventMap } from './hooks-from-map.ts';
import { parseJsonLoose } from './parse-json-loose.ts';

/** hooks/hooks.json (or another hooks file the manifest names): the `{hooks: {...}}` wrapper, or any other shape leniently. */
export function scanHooksFile(text: string, ctx: ScanContext): { hooks: HookDecl[]; standard: boolean; error?: string } {
  const parsed = parseJsonLoose(text);
  if (!parsed.ok) return { hooks: [], standard: false, error: parsed.message };
  const v = parsed.value as Record<string, unknown> | null;
  const standard = !!v && typeof v === 'object' && !Array.isArray(v) && !!v.hooks && typeof v.hooks === 'object' && !Array.isArray(v.hooks);
  const lineFor = (path: Array<string | number>, needle?: string): number => lineOfJsonPath(text, path) ?? lineOfNeedle(ctx.lines, needle);
  const standardMap = standard && isEventMap(v!.hooks);
  return { hooks: hooksFromMap(v, ctx.file, lineFor, ctx, standardMap), standard: standardMap };
}

/** Fallback line lookup: the first line containing the start of the value. */
export function lineOfNeedle(lines: string[], needle?: string): number {
  if (!needle) return 1;
  const probe = JSON.stringify(needle).slice(1, 40);
  const i = lines.findIndex((l) => l.includes(probe));
  return i >= 0 ? i + 1 : 1;
}
