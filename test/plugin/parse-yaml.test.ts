// parseYaml against Bun.YAML.parse, the parser Claude Code runs: recorded verdicts on hand-picked edge
// cases and on mutated real frontmatter (test/fixtures/yaml/), plus a live run of Bun on a few.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseYaml } from '../../scripts/plugin/parse-yaml.ts';
import { BUN_VERDICTS, bunParse, frontmatterView, type BunVerdict } from '../fixtures/yaml/record-bun.ts';
import { ALL_CASES, HAND_CASES } from '../fixtures/yaml/inputs.ts';
import { CLAUDE } from '../helpers/claude.ts';

const recorded: { cases: Array<{ text: string } & BunVerdict> } = JSON.parse(readFileSync(BUN_VERDICTS, 'utf8'));

function verdict(text: string): BunVerdict {
  const r = parseYaml(text);
  return r.ok ? { ok: true, view: frontmatterView(JSON.parse(JSON.stringify(r.value ?? null, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? '\u0000non-finite number' : v)))) } : { ok: false, message: r.message };
}

test('the recorded inputs are the ones inputs.ts generates', () => {
  assert.deepEqual(recorded.cases.map((c) => c.text), ALL_CASES, 'run MP_RECORD_YAML=1 node --import tsx test/fixtures/yaml/record-bun.ts');
});

test('parseYaml accepts and rejects what Bun does, and yields what the validator reads', () => {
  const differ: string[] = [];
  let sameWording = 0;
  let rejected = 0;
  for (const c of recorded.cases) {
    const ours = verdict(c.text);
    const agree = ours.ok === c.ok && (ours.ok ? JSON.stringify(ours.view) === JSON.stringify((c as { view: unknown }).view) : true);
    if (!agree) {
      differ.push(`${JSON.stringify(c.text)}\n  bun: ${JSON.stringify(c.ok ? (c as { view: unknown }).view : (c as { message: string }).message)}\n  ours: ${JSON.stringify(ours.ok ? ours.view : ours.message)}`);
    }
    if (!c.ok && !ours.ok) {
      rejected++;
      if (c.message === ours.message) sameWording++;
    }
  }
  console.log(`# yaml parity: ${recorded.cases.length - differ.length}/${recorded.cases.length} agree; same error wording on ${sameWording}/${rejected} rejections`);
  assert.deepEqual(differ, []);
  assert.ok(sameWording / rejected > 0.85, 'error wording mostly matches Bun');
});

test('every hand-picked case agrees exactly, error wording included', () => {
  for (const text of HAND_CASES) {
    const c = recorded.cases.find((x) => x.text === text)!;
    const ours = verdict(text);
    assert.equal(ours.ok, c.ok, JSON.stringify(text));
    if (!c.ok && !ours.ok) assert.equal(ours.message, c.message, JSON.stringify(text));
  }
});

test('Bun still says what was recorded (live)', { skip: !existsSync(CLAUDE) && 'claude CLI not installed', timeout: 60_000 }, () => {
  const sample = HAND_CASES.slice(0, 40);
  const live = bunParse(sample);
  sample.forEach((text, i) => assert.deepEqual(live[i], (({ text: _t, ...v }) => v)(recorded.cases.find((x) => x.text === text)!), JSON.stringify(text)));
});
