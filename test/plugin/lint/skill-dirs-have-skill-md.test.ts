import { test } from 'node:test';
import { skillDirsHaveSkillMd, RULE } from '../../../scripts/plugin/lint/skill-dirs-have-skill-md.ts';
import { json, runTable } from '../load-checks/helpers.ts';

const P = { '.claude-plugin/plugin.json': json({ name: 'p' }) };

test('skillDirsHaveSkillMd', () => runTable(skillDirsHaveSkillMd, RULE, [
  { name: 'lowercase skill.md', spec: { ...P, 'skills/fmt/skill.md': '' }, expect: ['warning'] },
  { name: 'no SKILL.md at all', spec: { ...P, 'skills/shared/notes.md': '' }, expect: ['note'] },
  { name: 'proper skill, stray file', spec: { ...P, 'skills/fmt/SKILL.md': '', 'skills/README.md': '' }, expect: [] },
]));
