import { join } from 'node:path';
import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';

export const RULE = 'lint/skill-dir-without-skill-md';

/**
 * A directory under skills/ without SKILL.md is silently ignored by Claude Code and by `claude plugin
 * validate` (spec §3.3); usually a misnamed `skill.md` or a forgotten file.
 */
export function skillDirsHaveSkillMd(ctx: PluginContext): ExtraFinding[] {
  if (!ctx.root) return [];
  const skills = join(ctx.root, 'skills');
  const out: ExtraFinding[] = [];
  for (const name of ctx.fs.readdir(skills)) {
    const dir = join(skills, name);
    if (ctx.fs.stat(dir)?.type !== 'dir') continue;
    const files = ctx.fs.readdir(dir);
    if (files.includes('SKILL.md')) continue;
    const near = files.find((f) => f.toLowerCase() === 'skill.md');
    out.push(lintFinding({
      rule: RULE, severity: near ? 'warning' : 'note', file: dir,
      message: near ? `skills/${name} has ${near} but not SKILL.md; the name is case-sensitive, so this skill is never loaded.` : `skills/${name} has no SKILL.md, so Claude Code ignores it.`,
      hint: near ? `Rename ${near} to SKILL.md.` : 'Add SKILL.md, or move shared material out of skills/ (or into a skill\'s references/).',
    }));
  }
  return out;
}
