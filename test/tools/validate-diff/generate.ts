// Generated cases for the differential check of `mp validate` against the real `claude plugin validate`:
// valid baselines (a plugin, a marketplace, component files) with one thing changed at a time. Each case
// is a small tree and a target, the same shape as the crafted cases (test/fixtures/crafted/cases.ts).
import type { CraftedCase } from '../../fixtures/crafted/cases.ts';
import type { TreeSpec } from '../../helpers/testdir.ts';

const j = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const P = '.claude-plugin/plugin.json';
const M = '.claude-plugin/marketplace.json';
const meta = { version: '1.0.0', description: 'd', author: { name: 'a' } };
const base = { name: 'p', ...meta };
const md = (fm: string, body = 'body\n') => `---\n${fm}---\n${body}`;
const cmdHook = { hooks: [{ type: 'command', command: 'echo hi' }] };

/** Values of every JSON type and several string shapes, tried in every field. */
const POOL: [string, unknown][] = [
  ['null', null], ['true', true], ['zero', 0], ['num', 42], ['float', 1.5], ['empty', ''], ['space', ' '], ['word', 'x'],
  ['words', 'A B'], ['unicode', 'ünï'], ['at', '@x/y'], ['slash', 'a/b'], ['rel', './x'], ['up', '../x'], ['abs', '/abs'],
  ['bare', 'x.md'], ['arr0', []], ['arrempty', ['']], ['arrstr', ['./x']], ['arrnum', [1]], ['arrnull', [null]],
  ['obj0', {}], ['obj', { a: 1 }], ['objname', { name: 'n' }],
];

const PLUGIN_FIELDS = ['$schema', 'name', 'displayName', 'version', 'description', 'author', 'homepage', 'repository', 'license', 'keywords', 'defaultEnabled', 'dependencies', 'hooks', 'commands', 'agents', 'skills', 'outputStyles', 'themes', 'workflows', 'channels', 'mcpServers', 'lspServers', 'monitors', 'settings', 'userConfig', 'binaries', 'experimental'];

/** Per-field values beyond the pool: the forms each field really takes, and near misses. */
const SPECIFIC: Record<string, unknown[]> = {
  name: ['My-Plugin', 'my_plugin', 'my.plugin', '-x', 'x-', 'a--b', 'plugin@mkt', 'ПЛАГИН', 'x'.repeat(200), '1abc', 'a\tb', ' x', 'x ', 'claude-code', 'anthropic', '.', '..', 'a\\b', 'CON'],
  version: ['1', '1.0', 'v1.0.0', '1.0.0-beta.1', '1.0.0+build', '01.0.0', '1.0.0.0', ' 1.0.0', 'latest', '^1.0.0', '>=1'],
  author: [{ name: 'a', email: 'not-an-email' }, { name: 'a', email: 'a@b.c', url: 'not a url' }, { name: 'a', url: 'https://x.y' }, { email: 'a@b.c' }, { name: ' ' }, { name: 'a', extra: 1 }, { name: 5 }, ['a'], 'Name <a@b.c> (https://x)'],
  homepage: ['https://x.y', 'http://x', 'ftp://x', 'x.com', 'mailto:a@b.c', 'https://', 'file:///etc', 'javascript:alert(1)'],
  repository: ['https://github.com/o/r', 'git@github.com:o/r.git', 'o/r', { url: 'https://x' }],
  license: ['MIT', 'Not A License', 'UNLICENSED', 'MIT OR Apache-2.0'],
  keywords: [['a', 'a'], ['A B'], Array.from({ length: 60 }, (_, i) => `k${i}`)],
  dependencies: [['a'], ['a@mkt'], ['a@mkt@1.0.0'], ['a@1.0.0'], ['a@^1'], ['A'], ['a b'], ['@scope/a'], [{ name: 'a' }], [{ name: 'a', version: '^1' }], [{ name: 'a', marketplace: 'm' }], [{ name: 'a', extra: 1 }], [{ version: '1' }], [{ name: '' }], [['a']], ['a', 'a'], 'a', ['a@'], ['@mkt'], ['a@m@'], ['a@>1 <2'], ['a@*'], ['a@latest']],
  hooks: ['./hooks/hooks.json', 'hooks/hooks.json', './hooks/other.json', './hooks.yaml', ['./hooks/hooks.json'], [{ PostToolUse: [cmdHook] }], { PostToolUse: [cmdHook] }, { Bogus: [cmdHook] }, { hooks: { PostToolUse: [cmdHook] } }, { PostToolUse: 'x' }, { PostToolUse: [{ matcher: 'x' }] }, [5], ['../h.json'], ['./h.json', { PreToolUse: [cmdHook] }]],
  commands: ['./commands', './commands/', 'commands', './commands/c.md', ['./commands/c.md', './commands/c.md'], ['./commands'], { c: { source: './commands/c.md' } }, { c: { content: 'x' } }, { c: {} }, { c: { source: './commands/c.md', content: 'x' } }, { c: { source: 'commands/c.md' } }, { c: { source: '../c.md' } }, { c: { source: './missing.md' } }, { c: { content: 'x', allowedTools: 'Bash' } }, { c: { content: 'x', model: 5 } }, { c: { content: 'x', extra: 1 } }, { c: 'x' }, { '': { content: 'x' } }, { 'a b': { content: 'x' } }, './c.txt', ['./commands/c.md', '../x.md'], ['./commands/c.md', '/abs.md']],
  agents: ['./agents', './agents/', 'agents', './agents/a.md', ['./agents/a.md'], ['./agents'], './agents/a.txt', ['./agents/a.md', './agents/missing.md'], './agents/../agents/a.md', ['agents/a.md']],
  skills: ['./skills', './skills/', 'skills', './skills/s', './skills/s/', './skills/s/SKILL.md', ['./skills/s', './skills/missing'], ['./skills/s/SKILL.md'], ['skills/s'], './skills/./s'],
  outputStyles: ['./styles', ['./styles/a.md'], 'styles', './missing', ['../s']],
  themes: ['./themes', ['./themes'], 'themes'],
  workflows: ['./workflows', ['./wf.js'], 'workflows', ['../wf']],
  channels: [[{ server: 's' }], [{ server: 's', displayName: 'S' }], [{ server: 's', userConfig: { K: { type: 'string', title: 't', description: 'd' } } }], [{ server: 's', userConfig: { K: { type: 'bad' } } }], [{}], [{ server: 5 }], { server: 's' }, ['s']],
  mcpServers: ['./.mcp.json', '.mcp.json', './servers.json', './x.mcpb', './x.dxt', 'https://x/s.mcpb', ['./.mcp.json', { s: { command: 'x' } }], { s: { command: 'x' } }, { s: { type: 'stdio', command: 'x', args: 'a' } }, { s: { type: 'sse', url: 'https://x' } }, { s: { type: 'sse' } }, { s: { type: 'ws', url: 'wss://x' } }, { s: { type: 'streamable-http', url: 'https://x' } }, { s: { type: 'bogus', url: 'https://x' } }, { s: { url: 'https://x' } }, { s: { command: 'x', env: { A: 1 } } }, { s: { command: 'x', timeout: -1 } }, { s: { type: 'http', url: 'not a url' } }, { s: { command: 'x', extra: 1 } }, { s: 'x' }],
  lspServers: ['./.lsp.json', '.lsp.json', ['./.lsp.json'], { ts: { command: 'x', extensionToLanguage: { '.ts': 'typescript' } } }, { ts: { command: '/usr/bin/a b', extensionToLanguage: { '.ts': 'typescript' } } }, { ts: { command: 'x' } }, { ts: { command: 'x', extensionToLanguage: {} } }, { ts: { command: 'x', extensionToLanguage: { '.ts': 5 } } }, { ts: { command: 'x', extensionToLanguage: { '.ts': 't' }, transport: 'socket' } }, { ts: { command: 'x', extensionToLanguage: { '.ts': 't' }, args: ['a'], env: { A: 'b' }, startupTimeout: 5 } }],
  monitors: ['./monitors.json', [{ name: 'm', command: 'x' }], [{}], 'monitors.json', { m: 1 }],
  settings: [{ agent: 'x' }, { a: { b: 1 } }],
  userConfig: [{ K: { type: 'string', title: 't', description: 'd' } }, { K: { type: 'boolean', title: 't', description: 'd', default: 'x' } }, { K: { type: 'number', title: 't', description: 'd', min: 'a' } }, { K: { type: 'directory', title: 't', description: 'd' } }, { K: { type: 'file', title: 't', description: 'd', multiple: true } }, { K: { type: 'string', title: 't', description: 'd', multiple: true } }, { K: { type: 'string' } }, { K: { title: 't', description: 'd' } }, { 'a-b': { type: 'string', title: 't', description: 'd' } }, { 'a b': { type: 'string', title: 't', description: 'd' } }, { '': { type: 'string', title: 't', description: 'd' } }, { K: { type: 'string', title: '', description: '' } }, { K: { type: 'string', title: 't', description: 'd', sensitive: 'yes' } }, { K: 'x' }, { _k: { type: 'string', title: 't', description: 'd' } }],
  binaries: [{ tool: { sha256: 'a'.repeat(64) } }, { tool: { sha256: 'A'.repeat(64) } }, { tool: { sha256: 'a'.repeat(64), extra: 1 } }, { 'tool.': { sha256: 'a'.repeat(64) } }, { tool: 'x' }, {}],
  experimental: [{ themes: './themes' }, { monitors: './m.json' }, { outputStyles: './s' }, { evals: './e' }, { evals: 5 }, { themes: 5 }, { outputStyles: '../x' }, { monitor: 'x' }, { Themes: 'x' }, []],
  displayName: ['My Plugin', 'ü'],
  defaultEnabled: ['true', 1],
  $schema: ['https://json.schemastore.org/claude-code-plugin.json'],
};

const PLUGIN_FILES: TreeSpec = {
  'commands/c.md': md('description: c\n'),
  'agents/a.md': md('name: a\ndescription: a\n'),
  'agents/a.txt': 'x',
  'skills/s/SKILL.md': md('name: s\ndescription: s\n'),
  'hooks/other.json': j({ hooks: {} }),
  'styles/a.md': 'x',
  'themes/t.json': '{}',
  'workflows/w.js': 'x',
  'c.txt': 'x',
};

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 40);

function pluginCases(out: CraftedCase[]): void {
  for (const f of PLUGIN_FIELDS) {
    for (const [label, v] of POOL) out.push({ name: `pf-${slug(f)}-${label}`, tree: { [P]: j({ ...base, [f]: v }), ...PLUGIN_FILES } });
    (SPECIFIC[f] ?? []).forEach((v, i) => out.push({ name: `ps-${slug(f)}-${i}`, tree: { [P]: j({ ...base, [f]: v }), ...PLUGIN_FILES } }));
  }
  // Missing metadata, one at a time and all together, with and without a schema error.
  for (const k of ['version', 'description', 'author']) {
    const m: Record<string, unknown> = { ...base };
    delete m[k];
    out.push({ name: `pm-no-${k}`, tree: { [P]: j(m) } });
    out.push({ name: `pm-no-${k}-unknown`, tree: { [P]: j({ ...m, extraKey: 1 }) } });
  }
  // Unknown keys: typos, case, commonly-seen, marketplace-only fields.
  const unknown = ['nmae', 'Name', 'NAME', 'verison', 'autor', 'authors', 'hook', 'command', 'agent', 'skill', 'mcpservers', 'mcp_servers', 'mcp', 'lsp', 'output_styles', 'outputStyle', 'userconfig', 'usrConfig', 'dependancies', 'deps', 'engines', 'main', 'bin', 'tools', 'logo', '$comment', 'category', 'source', 'tags', 'strict', 'id', 'relevance', 'experimental_', 'homepag', 'licence', 'keyword', 'a', 'ab', 'abc', 'nam', 'ver', 'repo', 'channel', 'binary', 'setting', 'monitor', 'theme', 'workflow', 'disabled', 'enabled', 'defaultenabled'];
  for (const k of unknown) out.push({ name: `pu-${slug(k)}`, tree: { [P]: j({ ...base, [k]: 'x' }) } });
  // Orders of issues: several bad fields together.
  out.push({ name: 'pmix-1', tree: { [P]: j({ name: 'A B', version: 1, zzz: 1, commands: '../x', agents: './none', skills: ['./none'] }) } });
  out.push({ name: 'pmix-2', tree: { [P]: j({ name: 'Bad_Name', commands: './none', hooks: './none.json', agents: './none', skills: './none', workflows: './none', themes: 'x' }) } });
  out.push({ name: 'pmix-3', tree: { [P]: j({ name: 'x', author: { name: '' }, homepage: 'x', keywords: 'x', unknownA: 1, descripton: 'x' }) } });
}

/** Frontmatter texts for commands, agents and skills. */
const FRONTMATTER: [string, string][] = [
  ['ok', md('description: d\n')],
  ['noclose', '---\ndescription: d\nbody\n'],
  ['noclose-eof', '---\ndescription: d\n'],
  ['only-open', '---\n'],
  ['open-close-nonl', '---\ndescription: d\n---'],
  ['tab-key', md('description: d\n\tname: x\n')],
  ['tab-after-colon', md('description:\td\n')],
  ['dup-name', md('name: a\nname: b\ndescription: d\n')],
  ['desc-num', md('description: 5\n')],
  ['desc-null', md('description: null\n')],
  ['desc-tilde', md('description: ~\n')],
  ['desc-empty-str', md('description: ""\n')],
  ['desc-multiline', md('description: |\n  a\n  b\n')],
  ['desc-folded', md('description: >\n  a\n  b\n')],
  ['desc-date', md('description: 2024-01-01\n')],
  ['desc-list-block', md('description:\n  - a\n')],
  ['desc-anchor', md('x: &a hi\ndescription: *a\n')],
  ['desc-unclosed-quote', md('description: "abc\n')],
  ['desc-single-quoted', md("description: 'it''s'\n")],
  ['desc-hash', md('description: a # comment\n')],
  ['desc-colon-space', md('description: a: b\n')],
  ['desc-at', md('description: @x\n')],
  ['desc-backtick', md('description: `x`\n')],
  ['desc-percent', md('description: %x\n')],
  ['desc-bracket-text', md('description: [a] b\n')],
  ['desc-brace', md('description: {a}\n')],
  ['desc-brace-bad', md('description: {a\n')],
  ['name-num', md('name: 5\ndescription: d\n')],
  ['name-null', md('name:\ndescription: d\n')],
  ['name-obj', md('name: {a: 1}\ndescription: d\n')],
  ['name-upper', md('name: Upper Case\ndescription: d\n')],
  ['name-mismatch', md('name: other\ndescription: d\n')],
  ['at-num', md('description: d\nallowed-tools: 5\n')],
  ['at-null', md('description: d\nallowed-tools:\n')],
  ['at-bool', md('description: d\nallowed-tools: true\n')],
  ['at-list', md('description: d\nallowed-tools:\n  - Read\n  - Bash(git:*)\n')],
  ['at-list-num', md('description: d\nallowed-tools:\n  - 1\n')],
  ['at-list-null', md('description: d\nallowed-tools: [null]\n')],
  ['at-empty-list', md('description: d\nallowed-tools: []\n')],
  ['at-camel', md('description: d\nallowedTools: 5\n')],
  ['tools-num', md('description: d\ntools: 5\n')],
  ['model-num', md('description: d\nmodel: 5\n')],
  ['model-bad', md('description: d\nmodel: gpt-4\n')],
  ['model-list', md('description: d\nmodel: [a]\n')],
  ['shell-bash', md('description: d\nshell: bash\n')],
  ['shell-upper', md('description: d\nshell: BASH\n')],
  ['shell-null', md('description: d\nshell:\n')],
  ['shell-list', md('description: d\nshell: [bash]\n')],
  ['shell-empty', md('description: d\nshell: ""\n')],
  ['argh-list', md('description: d\nargument-hint:\n  - a\n')],
  ['argh-num', md('description: d\nargument-hint: 5\n')],
  ['bom', '\uFEFF' + md('description: d\n')],
  ['crlf', md('description: d\n').replace(/\n/g, '\r\n')],
  ['cr-only', md('description: d\n').replace(/\n/g, '\r')],
  ['dash4', '----\ndescription: d\n----\n'],
  ['space-after-dashes', '--- \ndescription: d\n--- \nbody\n'],
  ['indented-open', ' ---\ndescription: d\n---\n'],
  ['empty-file', ''],
  ['only-body', 'hello\n'],
  ['fm-empty', '---\n---\n'],
  ['fm-blank-lines', '---\n\n\n---\n'],
  ['fm-comment', '---\n# only a comment\n---\n'],
  ['fm-list', md('- a\n')],
  ['fm-scalar', md('hello\n')],
  ['fm-true', md('true\n')],
  ['fm-null', md('null\n')],
  ['fm-flow-map', md('{description: d}\n')],
  ['fm-flow-seq', md('[a, b]\n')],
  ['fm-quoted-str', md('"str"\n')],
  ['fm-bad-indent', md('description: d\n  name: x\n')],
  ['fm-dup-desc', md('description: a\ndescription: b\n')],
  ['fm-doc-sep', md('description: d\n---\nname: x\n')],
  ['fm-tag', md('description: !!str 5\n')],
  ['fm-bad-tag', md('description: !!binary x\n')],
  ['fm-custom-tag', md('description: !foo x\n')],
  ['fm-merge', md('a: &a {x: 1}\nb:\n  <<: *a\ndescription: d\n')],
  ['fm-undefined-alias', md('description: *nope\n')],
  ['fm-key-no-value', md('description\n')],
  ['fm-complex-key', md('? a\n: b\ndescription: d\n')],
  ['fm-unicode-key', md('descrição: x\ndescription: d\n')],
  ['fm-long-desc', md(`description: ${'x'.repeat(2000)}\n`)],
  ['fm-desc-nested-quote', md('description: "a \\"b\\" c"\n')],
  ['fm-desc-invalid-escape', md('description: "a \\q"\n')],
  ['fm-tab-value-list', md('description: d\nx: [a,\tb]\n')],
  ['fm-yes-no', md('description: yes\nname: no\n')],
  ['fm-octal', md('description: 0o17\nname: 0x1F\n')],
  ['fm-inf', md('description: .inf\nname: .nan\n')],
  ['fm-trailing-spaces', '---   \ndescription: d\n---   \n'],
  ['fm-windows-close', '---\ndescription: d\n---\r\n'],
  ['fm-close-with-text', '---\ndescription: d\n--- x\n'],
  ['fm-dots-close', '---\ndescription: d\n...\n'],
];

function componentCases(out: CraftedCase[]): void {
  const homes: [string, (f: string) => string][] = [['cmd', () => 'commands/c.md'], ['agent', () => 'agents/a.md'], ['skill', () => 'skills/s/SKILL.md']];
  for (const [kind, at] of homes) {
    for (const [label, text] of FRONTMATTER) out.push({ name: `fm-${kind}-${label}`, tree: { [P]: j(base), [at('')]: text } });
  }
  // Layout variants.
  const layouts: [string, TreeSpec][] = [
    ['skill-loose-md', { 'skills/x.md': 'plain\n' }],
    ['skill-lowercase-file', { 'skills/s/skill.md': 'plain\n' }],
    ['skill-deep', { 'skills/a/b/SKILL.md': 'plain\n' }],
    ['skill-symlink-dir', { 'real/SKILL.md': 'plain\n', 'skills/s': { symlink: '../real' } }],
    ['cmd-deep', { 'commands/a/b/c/d.md': 'plain\n' }],
    ['cmd-hidden', { 'commands/.hidden.md': 'plain\n', 'commands/.dir/x.md': 'plain\n' }],
    ['cmd-uppercase-ext', { 'commands/C.MD': 'plain\n', 'commands/d.Md': 'plain\n' }],
    ['cmd-markdown-ext', { 'commands/c.markdown': 'plain\n' }],
    ['agent-node-modules', { 'agents/node_modules/x.md': 'plain\n' }],
    ['agents-is-file', { agents: 'x' }],
    ['commands-is-file', { commands: 'x' }],
    ['skills-is-file', { skills: 'x' }],
    ['hooks-dir-empty', { 'hooks/.keep': '' }],
    ['hooks-json-symlink', { 'h.json': '{bad', 'hooks/hooks.json': { symlink: '../h.json' } }],
    ['cmd-symlink-broken', { 'commands/c.md': { symlink: 'nowhere.md' } }],
    ['claude-md-dir', { 'CLAUDE.md/x': 'x' }],
    ['claude-local-only', { 'CLAUDE.local.md': 'x' }],
    ['agents-md-root', { 'AGENTS.md': 'x' }],
    ['mcp-bad-json', { '.mcp.json': '{bad' }],
    ['mcp-bad-shape', { '.mcp.json': j({ mcpServers: { s: { command: '' } } }) }],
    ['lsp-bad', { '.lsp.json': '{bad' }],
    ['settings-bad', { 'settings.json': '{bad' }],
    ['output-styles-bad', { 'output-styles/x.md': '---\n: :\n---\n' }],
    ['monitors-bad', { 'monitors/monitors.json': '{bad' }],
    ['many-bad', { 'commands/a.md': 'plain\n', 'commands/b.md': md('name: 1\n'), 'agents/c.md': md('description: [x]\n'), 'skills/d/SKILL.md': '---\n: :\n---\n' }],
  ];
  for (const [label, files] of layouts) out.push({ name: `lay-${label}`, tree: { [P]: j(base), ...files } });
}

const EVENTS = ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'Notification', 'UserPromptSubmit', 'SessionStart', 'SessionEnd', 'Stop', 'SubagentStart', 'SubagentStop', 'PreCompact', 'PostCompact', 'PermissionRequest', 'Setup', 'TeammateIdle', 'TaskCompleted', 'ConfigChange', 'WorktreeCreate', 'WorktreeRemove', 'InstructionsLoaded', 'Elicitation', 'ElicitationResult', 'preToolUse', 'pre_tool_use', 'PreToolUse ', 'OnSave', ''];

function hooksCases(out: CraftedCase[]): void {
  const H = 'hooks/hooks.json';
  const add = (label: string, v: unknown) => out.push({ name: `hk-${label}`, tree: { [P]: j(base), [H]: typeof v === 'string' ? v : j(v) } });
  for (const e of EVENTS) add(`event-${slug(e) || 'empty'}`, { hooks: { [e]: [cmdHook] } });
  const hooks: [string, unknown][] = [
    ['cmd-timeout-0', { type: 'command', command: 'x', timeout: 0 }], ['cmd-timeout-neg', { type: 'command', command: 'x', timeout: -5 }],
    ['cmd-timeout-float', { type: 'command', command: 'x', timeout: 1.5 }], ['cmd-timeout-huge', { type: 'command', command: 'x', timeout: 1e9 }],
    ['cmd-empty', { type: 'command', command: '' }], ['cmd-num', { type: 'command', command: 5 }], ['cmd-async', { type: 'command', command: 'x', async: true }],
    ['cmd-async-str', { type: 'command', command: 'x', async: 'yes' }], ['cmd-extra', { type: 'command', command: 'x', extra: 1 }],
    ['cmd-statusmsg', { type: 'command', command: 'x', statusMessage: 'm' }], ['cmd-once', { type: 'command', command: 'x', once: true }],
    ['cmd-shell', { type: 'command', command: 'x', shell: 'powershell' }], ['cmd-shell-bad', { type: 'command', command: 'x', shell: 'zsh' }],
    ['prompt-no-prompt', { type: 'prompt' }], ['prompt-model', { type: 'prompt', prompt: 'p', model: 'haiku' }], ['prompt-empty', { type: 'prompt', prompt: '' }],
    ['agent-no-prompt', { type: 'agent' }], ['agent-ok', { type: 'agent', prompt: 'p', timeout: 30 }],
    ['http-no-url', { type: 'http' }], ['http-bad-url', { type: 'http', url: 'x' }], ['http-headers', { type: 'http', url: 'https://x', headers: { a: 'b' } }],
    ['http-headers-bad', { type: 'http', url: 'https://x', headers: { a: 1 } }], ['http-allowed-env', { type: 'http', url: 'https://x', allowedEnvVars: ['A'] }],
    ['mcp-tool-missing', { type: 'mcp_tool', server: 's' }], ['mcp-tool-input', { type: 'mcp_tool', server: 's', tool: 't', input: { a: 1 } }],
    ['no-type', { command: 'x' }], ['type-upper', { type: 'Command', command: 'x' }], ['type-num', { type: 1 }], ['hook-string', 'echo'], ['hook-null', null],
  ];
  for (const [label, h] of hooks) add(`hook-${label}`, { hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [h] }] } });
  const matchers: [string, unknown][] = [['num', 5], ['null', null], ['empty', ''], ['star', '*'], ['regex', 'Edit|Write'], ['bad-regex', '('], ['arr', ['a']], ['obj', { a: 1 }]];
  for (const [label, m] of matchers) add(`matcher-${label}`, { hooks: { PreToolUse: [{ matcher: m, hooks: [{ type: 'command', command: 'x' }] }] } });
  const shapes: [string, unknown][] = [
    ['empty-obj', {}], ['hooks-null', { hooks: null }], ['hooks-arr', { hooks: [] }], ['hooks-str', { hooks: 'x' }], ['event-obj', { hooks: { Stop: { hooks: [] } } }],
    ['event-empty', { hooks: { Stop: [] } }], ['group-empty', { hooks: { Stop: [{}] } }], ['group-hooks-empty', { hooks: { Stop: [{ hooks: [] }] } }],
    ['group-extra', { hooks: { Stop: [{ hooks: [], extra: 1 }] } }], ['top-extra', { hooks: {}, extra: 1 }], ['desc-num', { description: 5, hooks: {} }],
    ['array-root', []], ['null-root', 'null'], ['num-root', '5'], ['string-root', '"x"'], ['empty-file', ''], ['trailing-comma', '{"hooks": {},}'], ['comment', '// c\n{"hooks": {}}'],
    ['mixed', { hooks: { Bogus: 5, Stop: [{ hooks: [{ type: 'command' }] }] } }], ['crlf', j({ hooks: { Stop: [cmdHook] } }).replace(/\n/g, '\r\n')],
    ['group-matcher-on-stop', { hooks: { Stop: [{ matcher: 'x', hooks: [{ type: 'command', command: 'x' }] }] } }],
    ['disable-all', { disableAllHooks: true, hooks: {} }],
  ];
  for (const [label, v] of shapes) add(`shape-${label}`, v);
}

function marketplaceCases(out: CraftedCase[]): void {
  const mbase = { name: 'mkt', owner: { name: 'o' }, description: 'd', plugins: [{ name: 'a', source: { source: 'github', repo: 'o/r' } }] };
  const mk = (m: unknown, files: TreeSpec = {}) => ({ [M]: j(m), ...files });
  for (const f of ['name', 'owner', 'description', 'version', 'metadata', 'plugins', 'renames', 'allowCrossMarketplaceDependenciesOn', 'forceRemoveDeletedPlugins', '$schema']) {
    for (const [label, v] of POOL) out.push({ name: `mf-${slug(f)}-${label}`, tree: mk({ ...mbase, [f]: v }) });
  }
  const mspecific: [string, Record<string, unknown>][] = [
    ['name-upper', { name: 'MyMarket' }], ['name-dot', { name: 'a.b' }], ['name-underscore', { name: 'a_b' }], ['name-official', { name: 'anthropic-plugins' }],
    ['name-claude', { name: 'claude-code-plugins' }], ['name-agent-skills', { name: 'agent-skills' }], ['name-claude-official', { name: 'claude-official' }],
    ['name-local', { name: 'local' }], ['name-backslash', { name: 'a\\b' }], ['name-dotdot', { name: '..' }], ['name-long', { name: 'm'.repeat(300) }],
    ['owner-email', { owner: { name: 'o', email: 'bad' } }], ['owner-url', { owner: { name: 'o', url: 'x' } }], ['owner-empty-name', { owner: { name: '' } }], ['owner-extra', { owner: { name: 'o', x: 1 } }],
    ['owner-string', { owner: 'o' }], ['metadata-desc-only', { description: undefined, metadata: { description: 'd' } }], ['metadata-version', { metadata: { version: 1 } }],
    ['metadata-pluginroot-bad', { metadata: { pluginRoot: 5 } }], ['metadata-pluginroot-up', { metadata: { pluginRoot: '../x' } }], ['metadata-unknown', { metadata: { descripton: 'x' } }],
    ['no-description', { description: undefined }], ['empty-description', { description: '' }], ['no-plugins', { plugins: undefined }],
    ['unknown-top', { pluginz: [] }], ['unknown-commonly', { $id: 'x', _comment: 'c' }], ['renames-num', { renames: { a: 5 } }], ['renames-self', { renames: { a: 'a' } }],
    ['renames-to-missing', { renames: { old: 'b' } }], ['renames-from-existing', { renames: { a: 'a2' } }],
  ];
  for (const [label, patch] of mspecific) out.push({ name: `ms-${label}`, tree: mk({ ...mbase, ...patch }) });

  const ENTRY_FIELDS = ['name', 'source', 'description', 'version', 'author', 'homepage', 'repository', 'license', 'keywords', 'category', 'tags', 'strict', 'commands', 'agents', 'skills', 'hooks', 'mcpServers', 'lspServers', 'dependencies', 'relevance', 'experimental', 'userConfig', 'channels', 'displayName'];
  const eb = { name: 'a', source: { source: 'github', repo: 'o/r' } };
  for (const f of ENTRY_FIELDS) {
    for (const [label, v] of POOL) out.push({ name: `ef-${slug(f)}-${label}`, tree: mk({ ...mbase, plugins: [{ ...eb, [f]: v }] }) });
  }
  const sources: [string, unknown][] = [
    ['gh-no-repo', { source: 'github' }], ['gh-repo-bad', { source: 'github', repo: 'nope' }], ['gh-repo-url', { source: 'github', repo: 'https://github.com/o/r' }], ['gh-ref-num', { source: 'github', repo: 'o/r', ref: 5 }],
    ['gh-sha-short', { source: 'github', repo: 'o/r', sha: 'abc1234' }], ['gh-extra', { source: 'github', repo: 'o/r', extra: 1 }], ['gh-repo-3parts', { source: 'github', repo: 'a/b/c' }],
    ['url-bad', { source: 'url', url: 'x' }], ['url-ssh', { source: 'url', url: 'git@github.com:o/r.git' }], ['url-file', { source: 'url', url: 'file:///tmp/r' }], ['url-no-git', { source: 'url', url: 'https://x/r' }], ['url-ref', { source: 'url', url: 'https://x/r.git', ref: 'v1', sha: 'a'.repeat(40) }],
    ['subdir-full-url', { source: 'git-subdir', url: 'https://github.com/o/r.git', path: 'p' }], ['subdir-no-path', { source: 'git-subdir', url: 'o/r' }], ['subdir-abs-path', { source: 'git-subdir', url: 'o/r', path: '/p' }], ['subdir-dot-path', { source: 'git-subdir', url: 'o/r', path: './p' }],
    ['npm-ok', { source: 'npm', package: 'pkg' }], ['npm-version-bad', { source: 'npm', package: 'pkg', version: 'not a range' }], ['npm-registry-bad', { source: 'npm', package: 'pkg', registry: 'x' }], ['npm-upper', { source: 'npm', package: 'Pkg' }], ['npm-scope-only', { source: 'npm', package: '@scope' }],
    ['rel-dot-slash', './'], ['rel-dot', '.'], ['rel-missing', './missing'], ['rel-trailing', './plugins/a/'], ['rel-backslash', '.\\plugins\\a'], ['rel-empty', ''], ['rel-http', 'https://github.com/o/r'], ['rel-gh-short', 'o/r'],
    ['obj-empty', {}], ['obj-source-num', { source: 5 }], ['obj-path', { source: 'path', path: './a' }], ['obj-local', { source: 'local', path: './a' }], ['obj-directory', { source: 'directory', path: './a' }], ['obj-file', { source: 'file', path: './a' }],
    ['obj-settings', { source: 'settings' }], ['obj-hostpattern', { source: 'hostPattern', hostPattern: 'x' }],
  ];
  for (const [label, s] of sources) out.push({ name: `src-${label}`, tree: mk({ ...mbase, plugins: [{ name: 'a', source: s }] }, { 'plugins/a/.claude-plugin/plugin.json': j({ name: 'a', ...meta }) }) });

  // Relative entries with a nested plugin.json that varies, and versions that agree or not.
  const nested: [string, string | null, Record<string, unknown>][] = [
    ['nested-clean', j({ name: 'a', ...meta }), { version: '1.0.0' }], ['nested-version-differs', j({ name: 'a', ...meta }), { version: '2.0.0' }],
    ['nested-version-missing', j({ name: 'a', description: 'd' }), { version: '1.0.0' }], ['nested-entry-no-version', j({ name: 'a', ...meta }), {}],
    ['nested-name-differs', j({ name: 'b', ...meta }), {}], ['nested-bad-json', '{', {}], ['nested-bom', '\uFEFF' + j({ name: 'a', ...meta }), { version: '1.0.0' }],
    ['nested-unknown', j({ name: 'a', ...meta, zzz: 1, descripton: 'x' }), {}], ['nested-errors', j({ name: 'a b', version: 5 }), {}], ['nested-null', 'null', {}],
    ['nested-array', '[]', { version: '1.0.0' }], ['nested-missing', null, { version: '1.0.0' }], ['nested-paths', j({ name: 'a', ...meta, commands: './missing', skills: '../x' }), {}],
    ['nested-strict-false', j({ name: 'a', ...meta }), { strict: false, commands: ['./c.md'] }], ['nested-version-v-prefix', j({ name: 'a', ...meta, version: 'v1.0.0' }), { version: '1.0.0' }],
    ['nested-version-num-entry', j({ name: 'a', ...meta }), { version: 1 }], ['nested-version-prerelease', j({ name: 'a', ...meta, version: '1.0.0-rc.1' }), { version: '1.0.0' }],
    ['nested-experimental', j({ name: 'a', ...meta, themes: './t', experimental: 5 }), {}], ['nested-binaries', j({ name: 'a', ...meta, binaries: { Bad: {} } }), {}],
  ];
  for (const [label, pj, extra] of nested) {
    const files: TreeSpec = pj === null ? { 'plugins/a/README.md': 'x' } : { 'plugins/a/.claude-plugin/plugin.json': pj };
    out.push({ name: `mn-${label}`, tree: mk({ ...mbase, plugins: [{ name: 'a', source: './plugins/a', ...extra }] }, files) });
    out.push({ name: `mnr-${label}`, tree: mk({ ...mbase, metadata: { pluginRoot: './plugins' }, plugins: [{ name: 'a', source: 'a', ...extra }] }, files) });
  }
  out.push({ name: 'mdup-3', tree: mk({ ...mbase, plugins: [eb, eb, eb] }) });
  out.push({ name: 'mdup-case', tree: mk({ ...mbase, plugins: [eb, { ...eb, name: 'A' }] }) });
  out.push({ name: 'mdup-with-bad', tree: mk({ ...mbase, plugins: [eb, { ...eb, source: 5 }, eb] }) });
  out.push({ name: 'mmany-errors', tree: mk({ name: '', owner: {}, plugins: [{ name: 'a b', source: '../x' }, { source: 5 }, 7] }) });
}

function targetCases(out: CraftedCase[]): void {
  const pj = j(base);
  const mj = j({ name: 'mkt', owner: { name: 'o' }, description: 'd', plugins: [] });
  const t: [string, TreeSpec, string][] = [
    ['both-dir', { [P]: pj, [M]: mj }, ''], ['both-plugin-file', { [P]: pj, [M]: mj }, P], ['both-mkt-file', { [P]: pj, [M]: mj }, M],
    ['claude-plugin-dir', { [P]: pj }, '.claude-plugin'], ['other-in-claude-plugin', { [P]: pj, '.claude-plugin/x.json': mj }, '.claude-plugin/x.json'],
    ['plugins-array-file', { 'x.json': j({ name: 'm', owner: { name: 'o' }, plugins: [] }) }, 'x.json'], ['plugins-obj-file', { 'x.json': j({ name: 'm', plugins: {} }) }, 'x.json'],
    ['bad-json-file', { 'x.json': '{' }, 'x.json'], ['txt-file', { 'x.txt': 'hello' }, 'x.txt'], ['empty-file', { 'x.json': '' }, 'x.json'],
    ['nonexistent-dir', { 'a.txt': 'x' }, 'nope'], ['nonexistent-json', { 'a.txt': 'x' }, 'nope/plugin.json'], ['nonexistent-mkt', { 'a.txt': 'x' }, 'marketplace.json'],
    ['empty-dir', { 'sub/.keep': '' }, 'sub'], ['manifests-at-root', { 'plugin.json': pj }, ''], ['mkt-at-root', { 'marketplace.json': mj }, ''],
    ['mkt-dir-is-dir', { '.claude-plugin/marketplace.json/x': 'x', [P]: pj }, ''], ['symlink-dir', { 'real/.claude-plugin/plugin.json': pj, link: { symlink: 'real' } }, 'link'],
    ['symlink-manifest', { 'real.json': pj, '.claude-plugin/plugin.json': { symlink: '../real.json' } }, ''], ['broken-symlink-manifest', { '.claude-plugin/plugin.json': { symlink: '../nope.json' } }, ''],
    ['trailing-slash', { [P]: pj }, './'], ['plugin-json-nested-name', { 'a/plugin.json': pj, 'a/skills/s/SKILL.md': 'plain\n' }, 'a/plugin.json'],
    ['mkt-json-other-dir', { 'a/marketplace.json': mj }, 'a/marketplace.json'], ['upper-plugin-json', { '.claude-plugin/Plugin.json': pj }, ''],
  ];
  for (const [label, tree, target] of t) out.push({ name: `tg-${label}`, tree, target });
}

export function generateCases(): CraftedCase[] {
  const out: CraftedCase[] = [];
  pluginCases(out);
  componentCases(out);
  hooksCases(out);
  marketplaceCases(out);
  targetCases(out);
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.name)) throw new Error(`duplicate generated case name ${c.name}`);
    seen.add(c.name);
  }
  return out;
}
