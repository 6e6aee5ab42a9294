// The analysis on real public plugins WITH their executable content (hook scripts, MCP launchers, bin/
// tools, command bodies with ! injections): test/fixtures/trust/real/<owner>__<repo>__<plugin>/, each with a
// SOURCE.md. Every finding is recorded in test/fixtures/trust/real-plugins-findings.json with a reviewed
// verdict (real or false-positive) and a note. The test fails on any new finding (or a changed severity)
// and on any lost real one; a recorded false positive that disappeared is only reported. It prints the
// false-positive rate. Regenerate (keeping verdicts) with MP_UPDATE_REAL_FINDINGS=1, then review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodePluginFiles } from '../../../scripts/io/plugin-files.ts';
import { analyzeLoaded } from '../../../scripts/trust/analysis/analyze-plugin.ts';
import { loadShellParser } from '../../../scripts/trust/analysis/shell/load-shell-parser.ts';

const REAL = join(import.meta.dirname, '../../fixtures/trust/real');
const RECORD = join(import.meta.dirname, '../../fixtures/trust/real-plugins-findings.json');

interface Found { key: string; ruleId: string; severity: string; message: string }
interface Recorded extends Found { verdict: 'real' | 'false-positive' | 'unreviewed'; note: string }

async function realFindings(): Promise<{ plugins: string[]; found: Found[] }> {
  await loadShellParser();
  const plugins = readdirSync(REAL, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const found: Found[] = [];
  for (const p of plugins) {
    for (const f of analyzeLoaded(nodePluginFiles(join(REAL, p))).findings) {
      found.push({ key: `${p}/${f.file}:${f.line} ${f.ruleId}`, ruleId: f.ruleId, severity: f.severity, message: f.message });
    }
  }
  return { plugins, found };
}

test('real plugins: findings match the reviewed record; false-positive rate reported', { timeout: 120_000 }, async (t) => {
  const { plugins, found } = await realFindings();
  assert.ok(plugins.length >= 25, `expected at least 25 real plugins, found ${plugins.length}`);
  for (const p of plugins) assert.ok(readdirSync(join(REAL, p)).includes('SOURCE.md'), `${p} has no SOURCE.md`);
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Recorded[];
  const id = (r: { key: string; severity: string }): string => `${r.severity} ${r.key}`;
  if (process.env.MP_UPDATE_REAL_FINDINGS === '1') {
    const old = new Map(recorded.map((r) => [id(r), r]));
    writeFileSync(RECORD, JSON.stringify(found.map((a): Recorded => ({ ...a, verdict: old.get(id(a))?.verdict ?? 'unreviewed', note: old.get(id(a))?.note ?? '' })), null, 1) + '\n');
    return;
  }
  const byId = new Map(recorded.map((r) => [id(r), r]));
  const actualIds = new Set(found.map(id));
  const unrecorded = found.filter((a) => !byId.has(id(a))).map(id);
  assert.deepEqual(unrecorded, [], 'new or changed findings on real plugins: review them, then regenerate with MP_UPDATE_REAL_FINDINGS=1');
  const lostReal = recorded.filter((r) => r.verdict === 'real' && !actualIds.has(id(r))).map(id);
  assert.deepEqual(lostReal, [], 'findings reviewed as real are no longer reported');
  assert.deepEqual(recorded.filter((r) => r.verdict !== 'real' && r.verdict !== 'false-positive').map(id), [], 'every finding needs a verdict');
  assert.ok(recorded.every((r) => r.note.trim().length > 0), 'every verdict needs a reason');
  const fixedFp = recorded.filter((r) => r.verdict === 'false-positive' && !actualIds.has(id(r)));
  if (fixedFp.length) t.diagnostic(`false positives no longer reported (regenerate the record): ${fixedFp.map(id).join('; ')}`);
  const current = recorded.filter((r) => actualIds.has(id(r)));
  const fp = current.filter((r) => r.verdict === 'false-positive');
  t.diagnostic(`real plugins false-positive rate: ${fp.length}/${current.length} (${plugins.length} plugins)`);
});
