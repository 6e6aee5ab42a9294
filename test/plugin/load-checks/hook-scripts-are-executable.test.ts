import { test } from 'node:test';
import { hookScriptsAreExecutable, RULE } from '../../../scripts/plugin/load-checks/hook-scripts-are-executable.ts';
import { json, runTable } from './helpers.ts';

const hooks = (hook: Record<string, unknown>, mode: number) => ({
  '.claude-plugin/plugin.json': json({ name: 'p' }),
  'hooks/hooks.json': json({ hooks: { SessionStart: [{ hooks: [{ type: 'command', ...hook }] }] } }),
  'hooks/run.sh': { content: '#!/bin/sh\necho ran\n', mode },
});

test('hookScriptsAreExecutable', () => runTable(hookScriptsAreExecutable, RULE, [
  { name: 'run directly, mode 644', spec: hooks({ command: '"${CLAUDE_PLUGIN_ROOT}/hooks/run.sh"' }, 0o644), expect: ['error hooks.SessionStart.0.hooks.0.command @8'] },
  { name: 'exec prefix', spec: hooks({ command: 'exec ${CLAUDE_PLUGIN_ROOT}/hooks/run.sh arg' }, 0o600), expect: ['error hooks.SessionStart.0.hooks.0.command @8'] },
  { name: 'exec form command', spec: hooks({ command: '${CLAUDE_PLUGIN_ROOT}/hooks/run.sh', args: ['a'] }, 0o644), expect: ['error hooks.SessionStart.0.hooks.0.command @8'] },
  { name: 'executable', spec: hooks({ command: '${CLAUDE_PLUGIN_ROOT}/hooks/run.sh' }, 0o755), expect: [] },
  { name: 'through an interpreter', spec: hooks({ command: 'bash "${CLAUDE_PLUGIN_ROOT}/hooks/run.sh"' }, 0o644), expect: [] },
  { name: 'powershell', spec: hooks({ command: '${CLAUDE_PLUGIN_ROOT}/hooks/run.sh', shell: 'powershell' }, 0o644), expect: [] },
]));
