import type { ExtraFinding } from '../report.ts';
import type { LoadRule, PluginContext } from '../load-checks/plugin-context.ts';
import { allowedToolsAreScoped } from './allowed-tools-are-scoped.ts';
import { alwaysOnTokenCost } from './always-on-token-cost.ts';
import { componentNamesAreUnique } from './component-names-are-unique.ts';
import { descriptionsWillTrigger } from './descriptions-will-trigger.ts';
import { frontmatterKeysAreKnown } from './frontmatter-keys-are-known.ts';
import { namesDoNotShadowBuiltins } from './names-do-not-shadow-builtins.ts';
import { pluginDeclaresLicense } from './plugin-declares-license.ts';
import { pluginShipsReadme } from './plugin-ships-readme.ts';
import { skillDirsHaveSkillMd } from './skill-dirs-have-skill-md.ts';
import { skillsFollowAgentSkillsSpec } from './skills-follow-agent-skills-spec.ts';
import { versionIsSemver } from './version-is-semver.ts';

/** Level 3 (`--lint`, opt-in): quality findings Claude Code does not care about but users do. */
export const LINT_RULES: readonly LoadRule[] = [
  descriptionsWillTrigger,
  alwaysOnTokenCost,
  namesDoNotShadowBuiltins,
  componentNamesAreUnique,
  skillsFollowAgentSkillsSpec,
  frontmatterKeysAreKnown,
  allowedToolsAreScoped,
  skillDirsHaveSkillMd,
  versionIsSemver,
  pluginShipsReadme,
  pluginDeclaresLicense,
];

/** Run every lint rule on one context; a crashing rule is reported, never fatal. */
export function runLint(ctx: PluginContext, rules: readonly LoadRule[] = LINT_RULES): ExtraFinding[] {
  return rules.flatMap((rule) => {
    try {
      return rule(ctx);
    } catch (e) {
      return [{
        rule: 'lint/internal-error', level: 'lint' as const, severity: 'note' as const, file: ctx.manifestFile ?? ctx.marketplace?.file ?? ctx.root ?? '',
        message: `mp's ${rule.name} lint crashed (${e instanceof Error ? e.message : String(e)}); its result is missing.`,
        hint: 'This is a bug in mp; please report it with the plugin that triggered it.',
      }];
    }
  });
}
