import type { ExtraFinding } from '../report.ts';
import type { LoadRule, PluginContext } from './plugin-context.ts';
import { channelServersExist } from './channel-servers-exist.ts';
import { componentFilesFitSizeCap } from './component-files-fit-size-cap.ts';
import { crossMarketplaceDependenciesAreAllowed } from './cross-marketplace-dependencies-are-allowed.ts';
import { defaultFoldersAreNotShadowed } from './default-folders-are-not-shadowed.ts';
import { dependenciesExistInMarketplace } from './dependencies-exist-in-marketplace.ts';
import { dependencyConstraintIsSatisfiable } from './dependency-constraint-is-satisfiable.ts';
import { dependencyVersionIsRange } from './dependency-version-is-range.ts';
import { entryComponentPathsExist } from './entry-component-paths-exist.ts';
import { extraHookFilesAreValid } from './extra-hook-files-are-valid.ts';
import { hookMatchersCompile } from './hook-matchers-compile.ts';
import { hookPathsUsePluginRoot } from './hook-paths-use-plugin-root.ts';
import { hookScriptsAreExecutable } from './hook-scripts-are-executable.ts';
import { hookScriptsExist } from './hook-scripts-exist.ts';
import { hooksFieldIsNotDefaultFile } from './hooks-field-is-not-default-file.ts';
import { lspConfigIsValid } from './lsp-config-is-valid.ts';
import { manifestPathsExist } from './manifest-paths-exist.ts';
import { mcpConfigIsValid } from './mcp-config-is-valid.ts';
import { pluginAgentsUseSupportedKeys } from './plugin-agents-use-supported-keys.ts';
import { pluginIdsAreValid } from './plugin-ids-are-valid.ts';
import { relativeSourceExists } from './relative-source-exists.ts';
import { sourceDoesNotRelyOnPluginRoot } from './source-does-not-rely-on-plugin-root.ts';
import { strictFalseHasNoConflict } from './strict-false-has-no-conflict.ts';
import { stringDependenciesKeepRange } from './string-dependencies-keep-range.ts';
import { symlinksStayInside } from './symlinks-stay-inside.ts';
import { userConfigReferencesAreDeclared } from './user-config-references-are-declared.ts';

/**
 * Level 2: load failures `claude plugin validate` 2.1.197 misses. Marketplace rules first, then
 * plugin.json, hooks, MCP/LSP, components and the file tree. Each rule is one file named after it.
 */
export const LOAD_RULES: readonly LoadRule[] = [
  pluginIdsAreValid,
  relativeSourceExists,
  sourceDoesNotRelyOnPluginRoot,
  strictFalseHasNoConflict,
  entryComponentPathsExist,
  dependencyVersionIsRange,
  stringDependenciesKeepRange,
  dependenciesExistInMarketplace,
  crossMarketplaceDependenciesAreAllowed,
  dependencyConstraintIsSatisfiable,
  manifestPathsExist,
  defaultFoldersAreNotShadowed,
  hooksFieldIsNotDefaultFile,
  extraHookFilesAreValid,
  hookMatchersCompile,
  hookScriptsExist,
  hookScriptsAreExecutable,
  hookPathsUsePluginRoot,
  mcpConfigIsValid,
  lspConfigIsValid,
  channelServersExist,
  userConfigReferencesAreDeclared,
  componentFilesFitSizeCap,
  pluginAgentsUseSupportedKeys,
  symlinksStayInside,
];

/** Run every load rule on one context. Rules never throw on bad input; a bug in one is contained. */
export function runLoadChecks(ctx: PluginContext, rules: readonly LoadRule[] = LOAD_RULES): ExtraFinding[] {
  return rules.flatMap((rule) => {
    try {
      return rule(ctx);
    } catch (e) {
      return [{
        rule: 'load/internal-error', level: 'load' as const, severity: 'warning' as const, file: ctx.manifestFile ?? ctx.marketplace?.file ?? ctx.root ?? '',
        message: `mp's ${rule.name} check crashed (${e instanceof Error ? e.message : String(e)}); its result is missing.`,
        hint: 'This is a bug in mp; please report it with the plugin that triggered it.',
      }];
    }
  });
}
