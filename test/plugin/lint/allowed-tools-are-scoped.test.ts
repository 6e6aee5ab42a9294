import { test } from 'node:test';
import { allowedToolsAreScoped, RULE } from '../../../scripts/plugin/lint/allowed-tools-are-scoped.ts';
import { json, runTable } from '../load-checks/helpers.ts';

const P = { '.claude-plugin/plugin.json': json({ name: 'p' }) };
const cmd = (tools: string) => ({ ...P, 'commands/c.md': `---\ndescription: d\nallowed-tools: ${tools}\n---\n` });

test('allowedToolsAreScoped', () => runTable(allowedToolsAreScoped, RULE, [
  { name: 'bare Bash in a list', spec: cmd('Read, Bash, Edit'), expect: ['warning allowed-tools @3'] },
  { name: 'Bash(*)', spec: cmd('"Bash(*)"'), expect: ['warning allowed-tools @3'] },
  { name: 'YAML list', spec: { ...P, 'skills/s/SKILL.md': '---\nallowed-tools:\n  - Read\n  - Bash\n---\n' }, expect: ['warning allowed-tools @2'] },
  { name: 'scoped patterns, commas inside', spec: cmd('Bash(git add:*), Bash(git commit:*), Read'), expect: [] },
  { name: 'agents tools are not pre-approval', spec: { ...P, 'agents/a.md': '---\ntools: Bash\n---\n' }, expect: [] },
]));
