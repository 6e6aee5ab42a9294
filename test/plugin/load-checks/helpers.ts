// Shared by the load-check and lint tests: build a plugin or marketplace tree, make its contexts, run rules.
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFsView } from '../../../scripts/io/node-fs-view.ts';
import type { ExtraFinding } from '../../../scripts/plugin/report.ts';
import { buildContexts, type TagReader } from '../../../scripts/plugin/load-checks/build-contexts.ts';
import type { LoadRule, PluginContext } from '../../../scripts/plugin/load-checks/plugin-context.ts';
import { testdir, json, type TreeSpec } from '../../helpers/testdir.ts';

export { json };

export const nodeFs = nodeFsView();

export const PLUGIN_JSON = '.claude-plugin/plugin.json';
export const MARKETPLACE_JSON = '.claude-plugin/marketplace.json';

/** Run one rule on a plugin tree (or a marketplace tree when it has marketplace.json). */
export function check(rule: LoadRule, spec: TreeSpec, opts: { tags?: TagReader } = {}): ExtraFinding[] {
  return contextsOf(testdir(spec), opts.tags).flatMap((c) => rule(c));
}

/** The contexts of a tree already on disk: a marketplace when it has marketplace.json, else a plugin. */
export function contextsOf(root: string, tags?: TagReader): PluginContext[] {
  const marketplace = existsSync(join(root, MARKETPLACE_JSON));
  return buildContexts({ kind: marketplace ? 'marketplace' : 'plugin', file: join(root, marketplace ? MARKETPLACE_JSON : PLUGIN_JSON) }, nodeFs, tags);
}

/** A marketplace tree: marketplace.json listing `plugins` plus the given files. */
export function market(plugins: unknown[], files: TreeSpec = {}, extra: Record<string, unknown> = {}): TreeSpec {
  return { [MARKETPLACE_JSON]: json({ name: 'mkt', owner: { name: 'o' }, plugins, ...extra }), ...files };
}

export function chmod(root: string, rel: string, mode: number): void {
  chmodSync(join(root, rel), mode);
}

export interface Case {
  name: string;
  spec: TreeSpec;
  /** Expected findings in order, as `severity path@line` (path/line left out when absent), or [] for none. */
  expect: string[];
  tags?: TagReader;
  /** Runs after the tree is built (chmod, symlinks to absolute targets…). */
  setup?: (root: string) => void;
}

/** One table-driven test body: every case's findings must carry `ruleId` and match `expect`. */
export function runTable(rule: LoadRule, ruleId: string, cases: Case[]): void {
  for (const c of cases) {
    const root = testdir(c.spec);
    c.setup?.(root);
    const got = contextsOf(root, c.tags).flatMap((ctx) => rule(ctx));
    for (const f of got) {
      if (f.rule !== ruleId) throw new Error(`${c.name}: unexpected rule ${f.rule}`);
      if (!f.message || !f.file.startsWith(root)) throw new Error(`${c.name}: bad finding ${JSON.stringify(f)}`);
    }
    const summary = got.map((f) => [f.severity, f.path, f.line === undefined ? undefined : `@${f.line}`].filter(Boolean).join(' '));
    if (JSON.stringify(summary) !== JSON.stringify(c.expect)) {
      throw new Error(`${c.name}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(summary)}\n${got.map((f) => f.message).join('\n')}`);
    }
  }
}
