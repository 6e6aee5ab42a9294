import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';
import { componentTexts, namespaceOf, type ComponentText } from './component-texts.ts';

export const RULE = 'lint/always-on-tokens';

/**
 * Warn when a plugin's always-on text passes this many tokens. Claude Code's skill listing budget is
 * about 1% of the context window (≈2,000 tokens for 200k); a plugin over half of it crowds out the
 * other skills a user has installed.
 */
export const PLUGIN_ALWAYS_ON_BUDGET = 1000;

/**
 * What a plugin costs in every session before anything is invoked, estimated the way
 * `claude plugin details` does offline (spec §6): per skill, agent and command the text
 * `"<name> <description>[ <when_to_use>]"` (skills and commands named `plugin:<name>`), description
 * falling back to the body's first line, tokens = round(chars / 4). One note per component, one for the
 * total (a warning above PLUGIN_ALWAYS_ON_BUDGET).
 */
export function alwaysOnTokenCost(ctx: PluginContext): ExtraFinding[] {
  const file = ctx.manifestFile ?? ctx.root;
  if (!ctx.root || !file) return [];
  const plugin = namespaceOf(ctx);
  const rows = componentTexts(ctx).filter((c) => c.kind !== 'output-style').map((c) => ({ c, text: alwaysOnText(c, plugin) }));
  if (rows.length === 0) return [];
  const out = rows.map(({ c, text }) => lintFinding({
    rule: RULE, severity: 'note', file: c.file,
    message: `${c.kind} "${c.name}" costs ~${tokens(text.length)} tokens in every session (always-on listing text: ${text.length} characters).`,
  }));
  const total = tokens(rows.reduce((n, r) => n + r.text.length, 0));
  const top = [...rows].sort((a, b) => b.text.length - a.text.length).slice(0, 3).map((r) => `${r.c.name} ~${tokens(r.text.length)}`);
  out.push(lintFinding({
    rule: RULE, severity: total > PLUGIN_ALWAYS_ON_BUDGET ? 'warning' : 'note', file,
    message: `Plugin "${plugin}" adds ~${total} tokens to every session (${rows.length} components; largest: ${top.join(', ')})${total > PLUGIN_ALWAYS_ON_BUDGET ? `, over the ${PLUGIN_ALWAYS_ON_BUDGET}-token budget mp recommends` : ''}.`,
    hint: total > PLUGIN_ALWAYS_ON_BUDGET ? 'Shorten descriptions to the trigger conditions, merge near-duplicate commands, or split the plugin so users install only what they use.' : undefined,
  }));
  return out;
}

/** Claude Code's always-on text for one component. */
export function alwaysOnText(c: ComponentText, plugin: string): string {
  const name = c.kind === 'agent' ? c.name : `${plugin}:${c.name.replace(/[^a-zA-Z0-9_:-]/g, '-')}`;
  return [name, c.description ?? firstLine(c.md.body), c.whenToUse].filter(Boolean).join(' ');
}

export function tokens(chars: number): number {
  return Math.round(chars / 4);
}

/** The body's first non-empty line, heading marks removed, cut to 100 characters (Claude's fallback). */
function firstLine(body: string): string {
  for (const raw of body.split('\n')) {
    const l = raw.trim();
    if (!l) continue;
    const t = /^#+\s+(.+)$/.exec(l)?.[1] ?? l;
    return t.length > 100 ? `${t.slice(0, 97)}...` : t;
  }
  return 'Skill';
}
