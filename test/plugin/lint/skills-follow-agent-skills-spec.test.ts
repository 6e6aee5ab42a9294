import { test } from 'node:test';
import { skillsFollowAgentSkillsSpec, RULE } from '../../../scripts/plugin/lint/skills-follow-agent-skills-spec.ts';
import { json, runTable } from '../load-checks/helpers.ts';

const P = { '.claude-plugin/plugin.json': json({ name: 'p' }) };
const skill = (dir: string, fm: string) => ({ ...P, [`skills/${dir}/SKILL.md`]: `---\n${fm}\n---\n` });

test('skillsFollowAgentSkillsSpec', () => runTable(skillsFollowAgentSkillsSpec, RULE, [
  { name: 'no name', spec: skill('fmt', 'description: d'), expect: ['warning name'] },
  { name: 'uppercase and underscore', spec: skill('My_Skill', 'name: My_Skill'), expect: ['warning name @2'] },
  { name: 'too long', spec: skill('a'.repeat(65), `name: ${'a'.repeat(65)}`), expect: ['warning name @2'] },
  { name: 'does not match the directory', spec: skill('fmt', 'name: sql-format'), expect: ['warning name @2'] },
  { name: 'description over 1024', spec: skill('fmt', `name: fmt\ndescription: ${'x'.repeat(1025)}`), expect: ['warning description @3'] },
  { name: 'conforming', spec: skill('sql-format', 'name: sql-format\ndescription: Formats SQL. Use when asked.'), expect: [] },
]));
