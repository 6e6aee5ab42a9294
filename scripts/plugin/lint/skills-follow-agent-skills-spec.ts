import { basename, dirname } from 'node:path';
import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';
import { frontmatterKeyLine } from '../load-checks/support/frontmatter.ts';
import { componentTexts } from './component-texts.ts';

export const RULE = 'lint/agent-skills-convention';

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 1024;

/**
 * The open Agent Skills format (agentskills.io), which other tools read: `name` of at most 64
 * lowercase letters, digits and hyphens matching the directory, `description` of at most 1024
 * characters. Claude Code enforces none of this (spec §3.3), so it lives at the lint level only.
 */
export function skillsFollowAgentSkillsSpec(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  for (const c of componentTexts(ctx)) {
    if (c.kind !== 'skill') continue;
    const name = typeof c.data.name === 'string' ? c.data.name : undefined;
    const dir = basename(dirname(c.file));
    const problems: Array<[string, string]> = [];
    if (name === undefined) problems.push(['name', 'has no `name` (required by Agent Skills)']);
    else {
      if (name.length > NAME_MAX || !NAME.test(name)) problems.push(['name', `name "${name}" is not 1-${NAME_MAX} lowercase letters, digits and single hyphens`]);
      if (name !== dir && dirname(c.file) !== ctx.root) problems.push(['name', `name "${name}" does not match its directory "${dir}"`]);
    }
    if (c.description && c.description.length > DESCRIPTION_MAX) problems.push(['description', `description is ${c.description.length} characters (Agent Skills allows ${DESCRIPTION_MAX})`]);
    for (const [key, problem] of problems) {
      out.push(lintFinding({
        rule: RULE, severity: 'warning', file: c.file, path: key, line: frontmatterKeyLine(c.md, key),
        message: `Skill ${problem}; Claude Code accepts it, but other Agent Skills tools may not.`,
        hint: 'Agent Skills: name ≤64 chars of [a-z0-9-] equal to the directory name, description ≤1024 chars.',
      }));
    }
  }
  return out;
}
