// Shared by the load-check and lint tests: build a plugin or marketplace tree, make its contexts, run rules.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFsView } from '../../../scripts/io/node-fs-view.ts';
import type { ExtraFinding } from '../../../scripts/plugin/report.ts';
import { buildContexts, type TagReader } from '../../../scripts/plugin/load-checks/build-contexts.ts';
import type { LoadRule } from '../../../scripts/plugin/load-checks/plugin-context.ts';
import { testdir, json, type TreeSpec } from '../../helpers/testdir.ts';

export { json };

export const nodeFs = nodeFsView();

export const PLUGIN_JSON = '.claude-plugin/plugin.json';
export const MARKETPLACE_JSON = '.claude-plugin/marketplace.json';

/** Run one rule on a plugin tree (or a marketplace tree when it has marketplace.json). */
export function check(rule: LoadRule, spec: TreeSpec, opts: { tags?: TagReader; root?: string } = {}): ExtraFinding[] {
  const root = testdir(spec, opts.root);
  const marketplace = MARKETPLACE_JSON in spec;
  const contexts = buildContexts({ kind: marketplace ? 'marketplace' : 'plugin', file: join(root, marketplace ? MARKETPLACE_JSON : PLUGIN_JSON) }, nodeFs, opts.tags);
  return contexts.flatMap((c) => rule(c));
}

/** A marketplace tree: marketplace.json listing `plugins` plus the given files. */
export function market(plugins: unknown[], files: TreeSpec = {}, extra: Record<string, unknown> = {}): TreeSpec {
  return { [MARKETPLACE_JSON]: json({ name: 'mkt', owner: { name: 'o' }, plugins, ...extra }), ...files };
}

export function chmod(root: string, rel: string, mode: number): void {
  chmodSync(join(root, rel), mode);
}
