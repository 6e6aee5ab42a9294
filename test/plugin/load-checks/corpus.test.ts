// Level 2 on the shared corpus of real plugins: (1) the findings are pinned in a fixture, each kind
// explained; (2) the real `claude` loads every corpus plugin in one session (`--plugin-dir` × N,
// `plugin list`) and our load errors must match what it reports; (3) the corpus findings that
// `plugin list` cannot show are confirmed with the matching claude command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildContexts } from '../../../scripts/plugin/load-checks/build-contexts.ts';
import { runLoadChecks } from '../../../scripts/plugin/load-checks/run-load-checks.ts';
import type { ExtraFinding } from '../../../scripts/plugin/report.ts';
import { REPO, runClaude, tempHome } from '../../helpers/claude.ts';
import { nodeFs } from './helpers.ts';

const CORPUS = '/work/shared/corpus/plugins';
const VERDICTS = '/work/shared/corpus/verdicts.jsonl';
const FIXTURE = join(REPO, 'test/fixtures/load-checks/corpus-findings.txt');

/**
 * The corpus keeps manifests and frontmatter only: hook scripts are stripped, so "script missing" is
 * an artifact of the corpus, not of the plugins. Every other rule runs unfiltered.
 */
const STRIPPED_BY_CORPUS = new Set(['load/hook-script-missing', 'load/hook-script-not-executable', 'load/hook-path-relative', 'load/component-too-large']);

interface Verdict { target: string; kind: 'plugin' | 'marketplace'; exit: number }

const verdicts: Verdict[] = existsSync(VERDICTS) ? readFileSync(VERDICTS, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
const skip = verdicts.length === 0 ? 'the shared corpus is not on this machine' : false;

function manifestOf(v: Verdict): string {
  const abs = join(CORPUS, v.target);
  if (v.kind === 'marketplace') return join(abs, '.claude-plugin/marketplace.json');
  return v.target.endsWith('.json') ? abs : join(abs, '.claude-plugin/plugin.json');
}

function findings(v: Verdict): ExtraFinding[] {
  return buildContexts({ kind: v.kind, file: manifestOf(v) }, nodeFs).flatMap((c) => runLoadChecks(c)).filter((f) => !STRIPPED_BY_CORPUS.has(f.rule));
}

const rel = (abs: string) => abs.slice(CORPUS.length + 1);

test('corpus: load findings match the fixture (UPDATE_FIXTURES=1 rewrites it)', { skip }, () => {
  const lines = new Set<string>();
  for (const v of verdicts) {
    if (!existsSync(manifestOf(v))) continue;
    for (const f of findings(v)) lines.add(`${f.rule} ${f.severity} ${rel(f.file)} ${f.path ?? '-'}`);
  }
  const got = [...lines].sort().join('\n') + '\n';
  if (process.env.UPDATE_FIXTURES) {
    mkdirSync(dirname(FIXTURE), { recursive: true });
    writeFileSync(FIXTURE, got);
  }
  assert.equal(got, readFileSync(FIXTURE, 'utf8'));
});

test('corpus: claude loads every plugin; our load errors agree with its load errors', { skip, timeout: 300_000 }, () => {
  const dirs = new Map<string, Verdict>();
  for (const v of verdicts) {
    if (v.kind !== 'plugin' || !existsSync(manifestOf(v))) continue;
    dirs.set(dirname(dirname(manifestOf(v))), v);
  }
  const home = tempHome();
  const args = [...dirs.keys()].flatMap((d) => ['--plugin-dir', d]);
  const out = runClaude([...args, 'plugin', 'list'], { home, cwd: home, timeoutMs: 240_000 }).stdout;
  const status = new Map<string, 'loaded' | 'errors'>();
  for (const block of out.split('\n  ❯ ').slice(1)) {
    const path = /Path: (.*)/.exec(block)?.[1] ?? /manifest file at (.*)\/\.claude-plugin\/plugin\.json/.exec(block)?.[1];
    if (path) status.set(path, /Status: ✔ loaded\n/.test(block + '\n') ? 'loaded' : 'errors');
  }
  assert.equal(status.size, dirs.size, 'claude listed every corpus plugin');
  const onlyOurs: string[] = [];
  for (const [dir, v] of dirs) {
    // What `plugin list` can show: errors of the loader itself (not MCP servers, which connect later).
    const ours = findings(v).filter((f) => f.severity === 'error' && f.rule !== 'load/mcp-config-invalid');
    if (status.get(dir) === 'errors') {
      assert.ok(v.exit === 1 || ours.length > 0, `claude fails to load ${rel(dir)}, and neither claude validate nor mp's load level says so`);
      if (v.exit === 0) onlyOurs.push(`${rel(dir)}: ${ours.map((f) => f.rule).join(', ')}`);
    } else {
      assert.deepEqual(ours.map((f) => `${f.rule}: ${f.message}`), [], `claude loads ${rel(dir)} fine`);
    }
  }
  assert.deepEqual(onlyOurs.sort(), [
    'davepoon__buildwithclaude/plugins/budgetclaw: load/hooks-duplicate-file',
    'jeremylongshore__claude-code-plugins-plus/templates/full-plugin: load/hooks-duplicate-file',
  ]);
});

test('corpus: an http MCP server with "url": "" is an invalid MCP url to claude', { skip, timeout: 120_000 }, () => {
  const home = tempHome();
  const plugin = join(CORPUS, 'anthropics__knowledge-work-plugins/productivity');
  const debug = join(home, 'debug.txt');
  runClaude(['--debug-file', debug, '--plugin-dir', plugin, 'mcp', 'list'], { home, cwd: home, timeoutMs: 90_000 });
  assert.match(readFileSync(debug, 'utf8'), /mcp-config-invalid: MCP server gmail invalid: Plugin productivity has an invalid MCP url/);
  const ours = findings({ target: 'anthropics__knowledge-work-plugins/productivity', kind: 'plugin', exit: 0 });
  assert.ok(ours.some((f) => f.rule === 'load/mcp-config-invalid' && f.path === 'mcpServers.gmail'));
});

test('corpus: marketplace sources that do not exist fail to install', { skip, timeout: 180_000 }, () => {
  const home = tempHome();
  const run = (...a: string[]) => runClaude(a, { home, cwd: home, timeoutMs: 120_000 });
  // marketplace add of a directory reads it in place; copy so that nothing can touch the shared corpus.
  const geepers = join(home, 'geepers');
  cpSync(join(CORPUS, 'jeremylongshore__claude-code-plugins-plus/plugins/community/geepers-agents'), geepers, { recursive: true });
  assert.equal(run('plugin', 'marketplace', 'add', geepers).code, 0);
  const market = JSON.parse(readFileSync(join(geepers, '.claude-plugin/marketplace.json'), 'utf8'));
  const first = market.plugins[0].name as string;
  const r = run('plugin', 'install', `${first}@${market.name}`);
  assert.match(r.stdout + r.stderr, /Source path does not exist/);
  const ours = buildContexts({ kind: 'marketplace', file: join(geepers, '.claude-plugin/marketplace.json') }, nodeFs).flatMap((c) => runLoadChecks(c));
  assert.ok(ours.some((f) => f.rule === 'load/source-missing' && f.path === 'plugins[0].source'));
});
