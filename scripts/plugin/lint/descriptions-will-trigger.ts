import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';
import { fieldValue, frontmatterKeyLine } from '../load-checks/support/frontmatter.ts';
import type { JsonObject } from '../load-checks/plugin-context.ts';
import { componentTexts } from './component-texts.ts';

export const RULE = 'lint/description-wont-trigger';

/** Claude Code truncates `description + " - " + when_to_use` to this many characters in the skill listing. */
export const LISTING_CAP = 1536;
/** Below this a description rarely says both what the component does and when to use it. */
export const MIN_DESCRIPTION = 20;
/** Wording that tells the model when to reach for a skill. */
const TRIGGER = /\b(use (this|it|when|whenever|for|to|if|after|before)|when(ever)?\b|if the user|trigger|invoke|asks? (for|to|about)|should be used|for (requests|tasks|questions))/i;

/**
 * Claude decides to use a skill, agent or command from its description alone: a missing, tiny or
 * trigger-less description means it is never picked, and one over the listing cap is cut off.
 */
export function descriptionsWillTrigger(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  for (const c of componentTexts(ctx)) {
    if (c.kind === 'output-style') continue;
    const line = frontmatterKeyLine(c.md, 'description');
    const at = (severity: ExtraFinding['severity'], message: string, hint: string): void => {
      out.push(lintFinding({ rule: RULE, severity, file: c.file, path: 'description', line, message, hint }));
    };
    const d = c.description;
    const listing = [d, c.whenToUse].filter(Boolean).join(' - ');
    if (d === undefined) {
      at('warning', `${c.kind} "${c.name}" has no description; Claude Code falls back to the first line of the body, which rarely says when to use it.`, 'Add `description:` saying what it does and when to use it.');
    } else if (d.length < MIN_DESCRIPTION) {
      at('warning', `${c.kind} "${c.name}" has a ${d.length}-character description ("${d}"); it is too short for Claude to know when to use it.`, 'Say what it does and when to use it, e.g. "Formats SQL. Use when the user asks to tidy or format a query."');
    } else if (c.kind === 'skill' && !manualOnly(c.data) && !TRIGGER.test(listing)) {
      at('warning', `Skill "${c.name}" does not say when to use it; Claude picks skills from this text alone.`, 'Add trigger wording ("Use when …") to the description or a `when_to_use:` key.');
    }
    if (listing.length > LISTING_CAP) {
      at('warning', `${c.kind} "${c.name}": description${c.whenToUse ? ' + when_to_use' : ''} is ${listing.length} characters; Claude Code cuts the listing at ${LISTING_CAP}, so the end is never seen.`, 'Keep the trigger conditions in the first sentences and move detail into the body.');
    }
  }
  return out;
}

/** `disable-model-invocation: true`: only the user runs it, so the model never needs a trigger. */
function manualOnly(data: JsonObject): boolean {
  const v = fieldValue(data, 'disable-model-invocation');
  return v === true || v === 'true';
}
