import { test } from 'node:test';
import { hookMatchersCompile, RULE } from '../../../scripts/plugin/load-checks/hook-matchers-compile.ts';
import { json, runTable } from './helpers.ts';

const hooks = (...matchers: unknown[]) => ({
  '.claude-plugin/plugin.json': json({ name: 'p' }),
  'hooks/hooks.json': json({ hooks: { PreToolUse: matchers.map((matcher) => ({ matcher, hooks: [{ type: 'command', command: 'x' }, { type: 'command', command: 'y' }] })) } }),
});

test('hookMatchersCompile', () => runTable(hookMatchersCompile, RULE, [
  { name: 'unbalanced group', spec: hooks('Write(|Edit'), expect: ['error hooks.PreToolUse.0.matcher @5'] },
  { name: 'lone quantifier', spec: hooks('Edit', '*.ts'), expect: ['error hooks.PreToolUse.1.matcher @18'] },
  { name: 'empty, star, lists, regexes', spec: hooks('', '*', 'Write|Edit', 'Write, Edit', 'mcp__.*__write', '^Bash$'), expect: [] },
]));
