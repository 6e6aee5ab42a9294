import { test } from 'node:test';
import { descriptionsWillTrigger, RULE, LISTING_CAP } from '../../../scripts/plugin/lint/descriptions-will-trigger.ts';
import { json, runTable } from '../load-checks/helpers.ts';

const P = { '.claude-plugin/plugin.json': json({ name: 'p' }) };
const skill = (fm: string) => ({ ...P, 'skills/s/SKILL.md': `---\n${fm}\n---\nBody\n` });

test('descriptionsWillTrigger', () => runTable(descriptionsWillTrigger, RULE, [
  { name: 'missing description', spec: { ...P, 'commands/c.md': '# Do things\n' }, expect: ['warning description'] },
  { name: 'too short', spec: skill('description: Formats SQL'), expect: ['warning description @2'] },
  { name: 'no trigger wording', spec: skill('description: Formats SQL queries with consistent indentation and casing.'), expect: ['warning description @2'] },
  { name: 'trigger in when_to_use', spec: skill('description: Formats SQL queries with consistent indentation.\nwhen_to_use: When the user pastes a query.'), expect: [] },
  { name: 'trigger in description', spec: skill('description: Formats SQL queries. Use when the user asks to tidy a query.'), expect: [] },
  { name: 'manual-only skills need no trigger', spec: skill('description: Formats SQL queries with consistent indentation.\ndisable-model-invocation: true'), expect: [] },
  { name: 'over the listing cap', spec: skill(`description: Use when needed. ${'x'.repeat(LISTING_CAP)}`), expect: ['warning description @2'] },
  { name: 'agents and commands need no trigger words', spec: { ...P, 'agents/a.md': '---\ndescription: Reviews pull requests for security issues\n---\n', 'commands/c.md': '---\ndescription: Run the full test suite and summarize\n---\n' }, expect: [] },
]));
