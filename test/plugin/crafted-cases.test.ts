// Crafted edge cases (test/fixtures/crafted/cases.ts) against the real CLI's recorded verdicts, and a
// few of them against the real CLI live, which keeps the recording honest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CASES } from '../fixtures/crafted/cases.ts';
import { VERDICTS, craftedRoot, materialize, normalise, runRealClaude, type VerdictFile } from '../fixtures/crafted/record.ts';
import { nodeFsView } from '../../scripts/io/node-fs-view.ts';
import { validateTarget } from '../../scripts/plugin/validate-target.ts';
import { formatClaudeText } from '../../scripts/plugin/format-text.ts';
import { sameClaudeOutput } from './claude-output.ts';
import { CLAUDE } from '../helpers/claude.ts';

const recorded: VerdictFile = JSON.parse(readFileSync(VERDICTS, 'utf8'));

function ours(target: string, root: string, strict: boolean): { exit: number; text: string } {
  const out = formatClaudeText(validateTarget(target, nodeFsView()), strict);
  return { exit: out.exitCode, text: normalise(out.stdout + out.stderr, root) };
}

test('every crafted case has a recorded verdict of the real claude', () => {
  assert.ok(CASES.length >= 60, 'at least 60 crafted cases');
  const missing = CASES.filter((c) => !recorded.cases[c.name]).map((c) => c.name);
  assert.deepEqual(missing, [], 'run MP_RECORD_CRAFTED=1 node --import tsx test/fixtures/crafted/record.ts');
});

test('mp validate agrees with the recorded claude verdicts on every crafted case', () => {
  const root = craftedRoot();
  const failures: string[] = [];
  try {
    for (const c of CASES) {
      const want = recorded.cases[c.name];
      if (!want) continue;
      const target = materialize(c, root);
      for (const strict of [false, true]) {
        const got = ours(target, root, strict);
        const exit = strict ? want.strictExit : want.exit;
        const text = strict ? want.strictOutput : want.output;
        if (got.exit !== exit || !sameClaudeOutput(text, got.text)) {
          failures.push(`${c.name}${strict ? ' --strict' : ''}: exit ${got.exit} (claude ${exit})\n--- claude\n${text}--- mp\n${got.text}`);
        }
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`# crafted agreement: ${CASES.length - new Set(failures.map((f) => f.split(/[: ]/)[0])).size}/${CASES.length} cases (plain and --strict)`);
  assert.equal(failures.length, 0, failures.slice(0, 5).join('\n\n'));
});

const LIVE = ['plugin-unknown-keys', 'skill-yaml-colon-in-value', 'marketplace-source-kinds-invalid', 'plugin-json-bom', 'hooks-file-bad-hooks', 'target-through-file-enotdir'];

test('the real claude still says what was recorded (live, a few cases)', { skip: !existsSync(CLAUDE) && 'claude CLI not installed', timeout: 120_000 }, () => {
  const root = craftedRoot();
  try {
    for (const name of LIVE) {
      const c = CASES.find((x) => x.name === name)!;
      const target = materialize(c, root);
      const live = runRealClaude(target, root);
      const want = recorded.cases[name];
      assert.equal(live.exit, want.exit, `${name}: exit`);
      assert.equal(live.strictExit, want.strictExit, `${name}: --strict exit`);
      assert.ok(sameClaudeOutput(want.output, live.output), `${name}: the real claude's output changed:\n${live.output}`);
      const mine = ours(target, root, false);
      assert.ok(sameClaudeOutput(live.output, mine.text), `${name}: mp differs from the live claude:\n${mine.text}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
