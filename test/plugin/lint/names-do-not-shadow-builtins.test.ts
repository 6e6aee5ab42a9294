import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { namesDoNotShadowBuiltins, RULE } from '../../../scripts/plugin/lint/names-do-not-shadow-builtins.ts';
import { BUILTIN_COMMANDS } from '../../../scripts/plugin/lint/builtin-commands.ts';
import { runClaude, tempHome } from '../../helpers/claude.ts';
import { json, runTable } from '../load-checks/helpers.ts';

const P = { '.claude-plugin/plugin.json': json({ name: 'p' }) };

test('namesDoNotShadowBuiltins', () => runTable(namesDoNotShadowBuiltins, RULE, [
  { name: 'command /review, skill /init, alias /cost', spec: { ...P, 'commands/review.md': '', 'skills/init/SKILL.md': '', 'commands/cost.md': '' }, expect: ['warning', 'warning', 'warning'] },
  { name: 'nested command keeps its namespace', spec: { ...P, 'commands/git/review.md': '' }, expect: [] },
  { name: 'agents have their own namespace', spec: { ...P, 'agents/review.md': '' }, expect: [] },
  { name: 'distinct names', spec: { ...P, 'commands/review-pr.md': '', 'skills/sql-format/SKILL.md': '' }, expect: [] },
]));

test('every slash command a fresh claude session reports is in BUILTIN_COMMANDS', { timeout: 120_000 }, async () => {
  const port = await new Promise<number>((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); }); });
  const home = tempHome();
  const r = runClaude(['-p', 'hi', '--output-format', 'stream-json', '--verbose'], { home, cwd: home, timeoutMs: 90_000, env: { ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, ANTHROPIC_API_KEY: 'dummy', CLAUDE_CODE_MAX_RETRIES: '0' } });
  const init = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((m) => m.type === 'system' && m.subtype === 'init');
  assert.ok(Array.isArray(init?.slash_commands) && init.slash_commands.length > 10, r.stdout.slice(0, 500));
  assert.deepEqual(init.slash_commands.filter((c: string) => !BUILTIN_COMMANDS.has(c)), []);
});
