// The analysis on every real plugin of ../shared/corpus (manifests, hooks, MCP configs and frontmatter;
// bodies and scripts are stripped there). Every finding is recorded in
// test/fixtures/trust/corpus-findings.json with a reviewed verdict (real or false-positive) and a note;
// the test fails on any finding that appears, disappears or changes severity without review, and
// prints the false-positive rate. Regenerate (keeping verdicts) with MP_UPDATE_CORPUS_FINDINGS=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { corpusAvailable, corpusFindings, RECORD, type Recorded } from './corpus-findings.ts';

test('corpus findings match the reviewed record; false-positive rate reported', { skip: !corpusAvailable && 'no ../shared/corpus', timeout: 120_000 }, async (t) => {
  const actual = await corpusFindings();
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Recorded[];
  if (process.env.MP_UPDATE_CORPUS_FINDINGS === '1') {
    const old = new Map(recorded.map((r) => [`${r.key} ${r.severity}`, r]));
    const next = actual.map((a): Recorded => {
      const prev = old.get(`${a.key} ${a.severity}`);
      return { ...a, verdict: prev?.verdict ?? 'unreviewed', note: prev?.note ?? '' };
    });
    writeFileSync(RECORD, JSON.stringify(next, null, 1) + '\n');
    return;
  }
  const fmt = (r: { key: string; severity: string }): string => `${r.severity} ${r.key}`;
  assert.deepEqual(actual.map(fmt).sort(), recorded.map(fmt).sort(), 'corpus findings changed: review them and regenerate with MP_UPDATE_CORPUS_FINDINGS=1');
  const unreviewed = recorded.filter((r) => r.verdict !== 'real' && r.verdict !== 'false-positive');
  assert.deepEqual(unreviewed.map(fmt), [], 'every corpus finding needs a verdict');
  const loud = recorded.filter((r) => r.severity === 'critical' || r.severity === 'high');
  const fp = recorded.filter((r) => r.verdict === 'false-positive');
  const loudFp = loud.filter((r) => r.verdict === 'false-positive');
  const rate = recorded.length ? fp.length / recorded.length : 0;
  t.diagnostic(`corpus false-positive rate: ${fp.length}/${recorded.length} = ${(rate * 100).toFixed(1)}% (high/critical: ${loudFp.length}/${loud.length})`);
  assert.ok(rate <= 0.05, `false-positive rate ${(rate * 100).toFixed(1)}% is above 5%`);
});
