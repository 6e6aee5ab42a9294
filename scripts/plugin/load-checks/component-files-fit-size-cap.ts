import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { componentFiles } from './support/component-files.ts';

export const RULE = 'load/component-too-large';

/** Claude Code's per-file cap for plugin markdown components (1 MiB). */
export const COMPONENT_BYTE_CAP = 1_048_576;

/**
 * Command, agent and skill files over 1 MiB are skipped at load time with only a debug-log warning.
 * Verified: a 1 MiB + 10 B command logs `Skipping plugin command …/big.md: not a regular file or
 * exceeds 1048576 byte limit` and is not loaded; `claude plugin validate` is silent.
 */
export function componentFilesFitSizeCap(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  for (const c of componentFiles(ctx)) {
    const st = ctx.fs.stat(c.file);
    if (st?.type !== 'file' || st.size <= COMPONENT_BYTE_CAP) continue;
    out.push(loadFinding({
      rule: RULE, severity: 'error', file: c.file,
      message: `This ${c.kind} is ${st.size} bytes, over Claude Code's ${COMPONENT_BYTE_CAP}-byte cap; it is skipped at load time and "${c.name}" does not exist for users.`,
      hint: 'Move bulky material into files the component reads on demand (e.g. a skill\'s references/), keeping the markdown itself small.',
    }));
  }
  return out;
}
