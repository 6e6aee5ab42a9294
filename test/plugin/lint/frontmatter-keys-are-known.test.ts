import { test } from 'node:test';
import { frontmatterKeysAreKnown, RULE } from '../../../scripts/plugin/lint/frontmatter-keys-are-known.ts';
import { json, runTable } from '../load-checks/helpers.ts';

const P = { '.claude-plugin/plugin.json': json({ name: 'p' }) };

test('frontmatterKeysAreKnown', () => runTable(frontmatterKeysAreKnown, RULE, [
  { name: 'typo gets a suggestion', spec: { ...P, 'commands/c.md': '---\ndescripton: x\n---\n' }, expect: ['warning descripton @2'] },
  { name: 'underscore spelling is not read', spec: { ...P, 'skills/s/SKILL.md': '---\nname: s\nallowed_tools: Read\n---\n' }, expect: ['warning allowed_tools @3'] },
  { name: 'unrelated key', spec: { ...P, 'agents/a.md': '---\ndescription: d\ntriggers: [a]\n---\n' }, expect: ['note triggers @3'] },
  { name: 'known keys', spec: { ...P, 'agents/a.md': '---\nname: a\ndescription: d\ntools: Read\nmodel: sonnet\ncolor: red\n---\n', 'commands/c.md': '---\nallowed-tools: Read\nargument-hint: "[x]"\n---\n' }, expect: [] },
]));
