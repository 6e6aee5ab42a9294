import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LINT_RULES, runLint } from '../../../scripts/plugin/lint/run-lint.ts';
import { REPO } from '../../helpers/claude.ts';
import { testdir } from '../../helpers/testdir.ts';
import { contextsOf, json } from '../load-checks/helpers.ts';

const DIR = join(REPO, 'scripts/plugin/lint');
const NOT_RULES = ['run-lint.ts', 'builtin-commands.ts', 'component-texts.ts'];

test('every lint rule file is registered once, exports a unique lint/ RULE id, and has a test', async () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.includes(f));
  const ids = new Set<string>();
  for (const f of files) {
    const mod = await import(join(DIR, f));
    assert.match(mod.RULE, /^lint\/[a-z-]+$/, f);
    assert.ok(!ids.has(mod.RULE), `duplicate id ${mod.RULE}`);
    ids.add(mod.RULE);
    const fn = Object.values(mod).find((v) => typeof v === 'function' && LINT_RULES.includes(v as never));
    assert.ok(fn, `${f} is not in LINT_RULES`);
    assert.ok(readdirSync(join(REPO, 'test/plugin/lint')).includes(f.replace(/\.ts$/, '.test.ts')), `${f} has no test`);
  }
  assert.equal(LINT_RULES.length, files.length);
});

test('runLint: lint findings are level lint, never errors; a crash is contained', () => {
  const [ctx] = contextsOf(testdir({ '.claude-plugin/plugin.json': json({ name: 'p', version: 'x' }), 'commands/help.md': '' }));
  const out = runLint(ctx);
  assert.ok(out.length > 0 && out.every((f) => f.level === 'lint' && f.severity !== 'error'));
  assert.equal(runLint(ctx, [() => { throw new Error('boom'); }])[0].rule, 'lint/internal-error');
});
