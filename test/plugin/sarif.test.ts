import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toSarif, pointerOf } from '../../scripts/plugin/sarif.ts';
import { claudeRuleId } from '../../scripts/plugin/claude-rule-id.ts';
import { validateTarget } from '../../scripts/plugin/validate-target.ts';
import { buildContexts } from '../../scripts/plugin/load-checks/build-contexts.ts';
import { runLoadChecks } from '../../scripts/plugin/load-checks/run-load-checks.ts';
import { runLint } from '../../scripts/plugin/lint/run-lint.ts';
import { nodeFsView } from '../../scripts/io/node-fs-view.ts';
import type { ValidationReport } from '../../scripts/plugin/report.ts';
import { testdir, json } from '../helpers/testdir.ts';
import { sarifValidator } from '../helpers/sarif-validator.ts';

const fs = nodeFsView();

function reportsFor(root: string): ValidationReport[] {
  const report = validateTarget(root, fs);
  const contexts = buildContexts({ kind: report.kind, file: report.blocks[0].file }, fs);
  report.extra.push(...contexts.flatMap((c) => [...runLoadChecks(c), ...runLint(c)]));
  return [report];
}

const ROOT = testdir({
  '.claude-plugin/marketplace.json': json({ name: 'mkt', owner: { name: 'o' }, plugins: [{ name: 'p', source: './p' }, { name: 'gone', source: './gone' }] }),
  'p/.claude-plugin/plugin.json': json({ name: 'p', version: 'one', hooks: './hooks/hooks.json' }),
  'p/hooks/hooks.json': json({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'echo' }] }] } }),
  'p/commands/help.md': '---\ndescription: x\n---\nbody\n',
  'p/dir with space/x.md': '',
});

test('toSarif output validates against the official SARIF 2.1.0 schema', () => {
  const log = toSarif(reportsFor(ROOT), { cwd: ROOT, toolVersion: '0.1.0', readText: (f) => { try { return readFileSync(f, 'utf8'); } catch { return null; } } });
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  // The validator is not vacuous: a result without a message is rejected.
  const broken = structuredClone(log) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
  delete broken.runs[0].results[0].message;
  assert.equal(validate(broken), false);
});

test('toSarif: rules, levels, relative URIs and lines for claude, load and lint issues', () => {
  const log = toSarif(reportsFor(ROOT), { cwd: ROOT, toolVersion: '0.1.0', readText: (f) => readFileSync(f, 'utf8') }) as {
    version: string; runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string } }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; properties: { mpLevel: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } }> }> }>;
  };
  assert.equal(log.version, '2.1.0');
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'mp');
  for (const r of run.results) {
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(r.level));
    assert.ok(!r.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'));
  }
  const byRule = (id: string) => run.results.filter((r) => r.ruleId === id);
  const dup = byRule('load/hooks-duplicate-file')[0];
  assert.equal(dup.level, 'error');
  assert.equal(dup.properties.mpLevel, 'load');
  assert.deepEqual(dup.locations[0].physicalLocation, { artifactLocation: { uri: 'p/.claude-plugin/plugin.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
  const missing = byRule('load/source-missing')[0];
  assert.equal(missing.locations[0].physicalLocation.region?.startLine, 13);
  assert.ok(byRule('claude/missing-description').some((r) => r.level === 'warning' && r.properties.mpLevel === 'claude'));
  assert.ok(byRule('lint/shadows-builtin').length === 1);
  assert.ok(byRule('lint/version-not-semver').length === 1);
  assert.ok(run.tool.driver.rules.every((r) => r.shortDescription.text.length > 0));
});

test('toSarif: files outside cwd get file:// URIs; a fatal report is one error result', () => {
  const log = toSarif([{ target: '/x/y', kind: 'plugin', blocks: [], fatal: 'ENOTDIR: not a directory', extra: [] }], { cwd: '/repo', toolVersion: '1.0.0' }) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
  assert.equal(log.runs[0].results[0].ruleId, 'claude/unexpected-error');
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///x/y');
});

test('claudeRuleId gives stable ids for message families and for unknown wording', () => {
  const rows: Array<[string, string]> = [
    ['No version specified. Consider adding a version following semver (e.g., "1.0.0")', 'claude/missing-version'],
    ['Plugin name "My Plugin" is not kebab-case. Claude Code accepts it, but…', 'claude/name-not-kebab-case'],
    ['Invalid input: expected string, received undefined', 'claude/schema'],
    ['Path not found: ./x. The runtime loader will report this as a load failure.', 'claude/path-not-found'],
    ['YAML frontmatter failed to parse: YAML Parse error: Unexpected token. At runtime…', 'claude/frontmatter-yaml'],
    ['Unknown field \'foo\'. Claude Code ignores it at load time.', 'claude/unknown-field'],
  ];
  for (const [message, id] of rows) assert.equal(claudeRuleId(message).id, id, message);
  assert.equal(claudeRuleId('Something new about "a/b" 12 times').id, claudeRuleId('Something new about "c" 3 times').id);
  assert.deepEqual(pointerOf('plugins[1].source'), ['plugins', 1, 'source']);
  assert.deepEqual(pointerOf('hooks.PostToolUse.0.hooks.0.command'), ['hooks', 'PostToolUse', 0, 'hooks', 0, 'command']);
});
