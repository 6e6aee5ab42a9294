import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPluginFile } from '../../scripts/devstudio/is-plugin-file.ts';

// [path, could belong to a plugin or marketplace?]
const TABLE: Array<[string, boolean]> = [
  ['/p/.claude-plugin/plugin.json', true],
  ['/p/.claude-plugin/marketplace.json', true],
  ['/p/.claude-plugin/anything.json', true],
  ['/cache/x/1.0.0/plugin.json', true],
  ['/p/commands/review.md', true],
  ['/p/commands/git/sub/commit.md', true],
  ['/p/agents/reviewer.md', true],
  ['/p/agents/nested/deep.MD', true],
  ['/p/skills/greet/SKILL.md', true],
  ['/p/SKILL.md', true],
  ['/p/CLAUDE.md', true],
  ['/p/CLAUDE.local.md', true],
  ['/p/hooks/hooks.json', true],
  ['/p/hooks/extra.json', true],
  ['/p/config/my-hooks.json', true],
  ['/p/.mcp.json', true],
  ['/p/.lsp.json', true],
  ['C:\\p\\.claude-plugin\\plugin.json', true],
  ['C:\\p\\commands\\x.md', true],
  ['/p/src/app.ts', false],
  ['/p/README.md', false],
  ['/p/docs/guide.md', false],
  ['/p/package.json', false],
  ['/p/tsconfig.json', false],
  ['/p/skills/greet/notes.md', false],
  ['/p/commands/run.sh', false],
  ['/p/commands', false],
  ['/', false],
  ['', false],
];

for (const [path, want] of TABLE) {
  test(`isPluginFile(${JSON.stringify(path)}) is ${want}`, () => {
    assert.equal(isPluginFile(path), want);
  });
}
