// A second batch of generated cases for the differential check: interactions and edges the field-by-field
// mutations of generate.ts do not reach (path spellings, Unicode in keys and names, JSON oddities, YAML
// that parsers read differently, components at declared paths, relative targets).
import type { CraftedCase } from '../../fixtures/crafted/cases.ts';
import type { TreeSpec } from '../../helpers/testdir.ts';

const j = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const P = '.claude-plugin/plugin.json';
const M = '.claude-plugin/marketplace.json';
const meta = { version: '1.0.0', description: 'd', author: { name: 'a' } };
const base = { name: 'p', ...meta };
const md = (fm: string, body = 'body\n') => `---\n${fm}---\n${body}`;

const PATHS = ['./a..b', './...', './a/..', './a/../a', './/a', './a//b', './a/./b', '~/a', 'C:\\a', './a\\..\\b', './%2e%2e/a', './ a', './a ', './é', './a\u0000b', '..', '.', './', './.', '..\\a', './a/b/../../..', 'file:///a', './a?', './*', './a/*.md', 'a/../../b'];
const PATH_FIELDS = ['commands', 'agents', 'skills', 'hooks', 'workflows', 'outputStyles', 'mcpServers', 'lspServers', 'themes', 'monitors'];

function pathCases(out: CraftedCase[]): void {
  const files: TreeSpec = { 'a/x.md': 'x', 'a..b/x': 'x', 'a/b/x.md': 'x', 'é/x': 'x' };
  for (const f of PATH_FIELDS) {
    PATHS.forEach((p, i) => {
      out.push({ name: `ep-${f}-s${i}`, tree: { [P]: j({ ...base, [f]: p }), ...files } });
      if (['commands', 'agents', 'skills', 'hooks', 'workflows'].includes(f)) out.push({ name: `ep-${f}-a${i}`, tree: { [P]: j({ ...base, [f]: ['./a', p] }), ...files } });
    });
  }
  // Declared paths that exist but are the wrong kind.
  const kinds: [string, unknown, TreeSpec][] = [
    ['cmd-dir-as-md', { commands: './commands/c.md' }, { 'commands/c.md/x': 'x' }],
    ['cmd-file-no-md', { commands: './c.txt' }, { 'c.txt': 'x' }],
    ['agent-dir', { agents: './ag' }, { 'ag/a.md': md('description: d\n') }],
    ['agent-dir-empty', { agents: './ag' }, { 'ag/.keep': '' }],
    ['skill-dir-no-skill-md', { skills: './sk' }, { 'sk/README.md': 'x' }],
    ['skill-file-skill-md', { skills: './sk/SKILL.md' }, { 'sk/SKILL.md': md('description: d\n') }],
    ['skill-file-other', { skills: './sk/other.md' }, { 'sk/other.md': 'x' }],
    ['skill-file-root', { skills: './SKILL.md' }, { 'SKILL.md': 'x' }],
    ['skill-file-nested', { skills: ['./a/b/SKILL.md'] }, { 'a/b/SKILL.md': 'x' }],
    ['hooks-dir', { hooks: './hk' }, { 'hk/hooks.json': '{}' }],
    ['hooks-bad-content', { hooks: './h.json' }, { 'h.json': '{bad' }],
    ['workflows-file', { workflows: './w.js' }, { 'w.js': 'x' }],
    ['cmd-symlink-out', { commands: './link' }, { link: { symlink: '/tmp' } }],
    ['cmd-symlink-broken', { commands: './link' }, { link: { symlink: './nowhere' } }],
    ['declared-skills-bad-fm', { skills: './custom' }, { 'custom/s/SKILL.md': '---\n: :\n---\n' }],
    ['declared-commands-bad-fm', { commands: './cmds' }, { 'cmds/c.md': md('name: 5\n') }],
    ['declared-agents-bad-fm', { agents: ['./ag/a.md'] }, { 'ag/a.md': md('description: [x]\n') }],
    ['declared-hooks-bad', { hooks: './hk.json' }, { 'hk.json': j({ hooks: { Bogus: [] } }) }],
    ['declared-and-default-cmd', { commands: './cmds' }, { 'cmds/c.md': 'plain\n', 'commands/d.md': 'plain\n' }],
    ['object-cmd-bad-fm', { commands: { c: { source: './x/c.md' } } }, { 'x/c.md': md('name: 5\n') }],
    ['object-cmd-dir', { commands: { c: { source: './x' } } }, { 'x/c.md': 'x' }],
    ['object-cmd-no-dot', { commands: { c: { source: 'x/c.md' } } }, { 'x/c.md': 'x' }],
  ];
  for (const [label, m, f] of kinds) out.push({ name: `ek-${label}`, tree: { [P]: j({ ...base, ...(m as object) }), ...f } });
}

function unicodeAndJsonCases(out: CraftedCase[]): void {
  const keys = ['descriptio😀', 'descriptioñ', 'déscription', 'ｎａｍｅ', 'name\u200b', 'Description', 'DESCRIPTION', 'descriptionn', 'ddescription', 'desc', 'hoks', 'skils', 'agnts', 'comands', 'autor', 'versoin', 'lisence', 'mcpServer', 'lspServer', 'userConfigs', 'depedencies', 'outputstyles', 'binarys', 'chanels', 'setings', 'exprimental', 'workflow', 'homePage', 'repo_url', 'displayname'];
  keys.forEach((k, i) => {
    out.push({ name: `ek-key-${i}`, tree: { [P]: j({ ...base, [k]: 1 }) } });
    out.push({ name: `ek-mkey-${i}`, tree: { [M]: j({ name: 'm', owner: { name: 'o' }, description: 'd', [k]: 1, plugins: [{ name: 'a', source: { source: 'github', repo: 'o/r' }, [k]: 1 }] }) } });
  });
  const names = ['é', 'e\u0301', 'a\u00a0b', 'a\u3000b', 'a\tb', 'a\nb', '😀', 'a_b', 'a.b', 'A', '-', '_', '0', 'a--', 'ab-', '1-2-3', 'x'.repeat(64), 'x'.repeat(65), 'plugin name', 'a\u2028b'];
  names.forEach((n, i) => {
    out.push({ name: `en-plugin-${i}`, tree: { [P]: j({ ...base, name: n }) } });
    out.push({ name: `en-mkt-${i}`, tree: { [M]: j({ name: n, owner: { name: 'o' }, description: 'd', plugins: [{ name: 'a', source: { source: 'github', repo: 'o/r' } }] }) } });
    out.push({ name: `en-entry-${i}`, tree: { [M]: j({ name: 'm', owner: { name: 'o' }, description: 'd', plugins: [{ name: n, source: { source: 'github', repo: 'o/r' } }] }) } });
  });
  const raw: [string, string][] = [
    ['dup-key', '{"name":"a","name":"b b","version":"1.0.0","description":"d","author":{"name":"a"}}'],
    ['dup-unknown', '{"name":"a","zz":1,"zz":2}'],
    ['big-number', '{"name":"a","version":1e400}'],
    ['neg-zero', '{"name":"a","defaultEnabled":-0}'],
    ['lone-surrogate', '{"name":"a\\ud800","version":"1.0.0"}'],
    ['escaped-name', '{"name":"\\u0061\\u0020b"}'],
    ['nul-in-string', '{"name":"a\\u0000b"}'],
    ['raw-tab-in-string', '{"name":"a\tb"}'],
    ['raw-newline-in-string', '{"name":"a\nb"}'],
    ['whitespace-only', '   \n  '],
    ['nbsp-before', '\u00a0{"name":"a"}'],
    ['trailing-garbage', '{"name":"a"} x'],
    ['two-objects', '{"name":"a"}{"name":"b"}'],
    ['leading-zero', '{"name":"a","x":01}'],
    ['hex', '{"name":"a","x":0x1}'],
    ['nan', '{"name":"a","x":NaN}'],
    ['unquoted-key', '{name:"a"}'],
    ['bom-twice', '\uFEFF\uFEFF{"name":"a"}'],
    ['utf16-bom', '\uFFFE{"name":"a"}'],
    ['true', 'true'], ['number', '5'], ['empty-obj', '{}'], ['nested-empty', '{"":{"":1}}'],
    ['crlf-bom', '\uFEFF{"name":"a"}\r\n'],
    ['proto-key', '{"name":"a","__proto__":{"version":5}}'],
    ['constructor-key', '{"name":"a","constructor":"x","hasOwnProperty":1}'],
  ];
  for (const [label, text] of raw) {
    out.push({ name: `ej-plugin-${label}`, tree: { [P]: text } });
    out.push({ name: `ej-mkt-${label}`, tree: { [M]: text } });
    out.push({ name: `ej-hooks-${label}`, tree: { [P]: j(base), 'hooks/hooks.json': text } });
  }
}

const YAML_EDGES: [string, string][] = [
  ['nospace-colon', 'description:d\n'],
  ['key-colon-nospace', 'a:b\n'],
  ['empty-key', ': x\ndescription: d\n'],
  ['unterminated-flow-seq', 'description: d\nx: [a, b\n'],
  ['unterminated-flow-map', 'description: d\nx: {a: 1\n'],
  ['multiline-flow', 'description: d\nx: [a,\n  b]\n'],
  ['multiline-plain', 'description: a\n  b\n'],
  ['multiline-plain-colon', 'description: a\n  b: c\n'],
  ['block-indent-indicator', 'description: |2-\n    x\n'],
  ['yaml-directive', '%YAML 1.2\n---\ndescription: d\n'],
  ['tag-directive', '%TAG ! tag:x,2000:\ndescription: d\n'],
  ['anchor-key', '&k description: d\n'],
  ['set', 'description: d\ns: !!set {a, b}\n'],
  ['omap', 'description: d\no: !!omap [a: 1]\n'],
  ['timestamp', 'description: 2001-12-14t21:59:43.10-05:00\n'],
  ['nul-byte', 'description: a\u0000b\n'],
  ['nel', 'description: a\u0085b\n'],
  ['bom-inside', 'description: \uFEFFd\n'],
  ['tab-indent-map', 'description: d\nx:\n\ta: 1\n'],
  ['tab-before-comment', 'description: d\t# c\n'],
  ['quoted-key', '"description": d\n'],
  ['single-quoted-key', "'name': 5\ndescription: d\n"],
  ['flow-map-desc', 'description: {a: b}\n'],
  ['flow-seq-desc', 'description: []\n'],
  ['desc-empty-map', 'description: {}\n'],
  ['seq-in-map-noindent', 'description: d\nx:\n- a\n- b\n'],
  ['dash-value', 'description: -\n'],
  ['question-value', 'description: ?\n'],
  ['colon-value', 'description: :\n'],
  ['pipe-only', 'description: |\n'],
  ['gt-only', 'description: >\n'],
  ['ampersand-only', 'description: &\n'],
  ['star-only', 'description: *\n'],
  ['bang-only', 'description: !\n'],
  ['double-bang', 'description: !!\n'],
  ['at-start-key', '@a: 1\ndescription: d\n'],
  ['backtick-key', '`a`: 1\ndescription: d\n'],
  ['long-key', `${'k'.repeat(1100)}: 1\ndescription: d\n`],
  ['deep-nesting', `description: d\nx: ${'['.repeat(200)}${']'.repeat(200)}\n`],
  ['alias-bomb', 'description: d\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'],
  ['dup-key-nested', 'description: d\nx:\n  a: 1\n  a: 2\n'],
  ['dup-key-flow', 'description: d\nx: {a: 1, a: 2}\n'],
  ['dup-allowed-tools', 'description: d\nallowed-tools: Read\nallowed-tools: 5\n'],
  ['dup-name-types', 'name: a\ndescription: d\nname: [x]\n'],
  ['null-key', 'null: 1\ndescription: d\n'],
  ['num-key', '1: 1\ndescription: d\n'],
  ['bool-desc-key', 'true: 1\ndescription: d\n'],
  ['comment-after-close', 'description: d\n'],
  ['windows-1252', 'description: caf\u00e9\n'],
  ['indented-all', '  description: d\n  name: n\n'],
  ['indented-inconsistent', '  description: d\nname: n\n'],
  ['trailing-tab-value', 'description: d\t\n'],
  ['desc-quoted-multiline', 'description: "a\n  b"\n'],
  ['desc-single-multiline', "description: 'a\n\n  b'\n"],
  ['hash-no-space', 'description: a#b\n'],
  ['percent-start', 'description: d\n%x: 1\n'],
  ['reserved-at', 'description: d\nx: @y\n'],
  ['shell-powershell', 'description: d\nshell: powershell\n'],
  ['shell-PowerShell', 'description: d\nshell: PowerShell\n'],
  ['shell-bash-space', 'description: d\nshell: "bash "\n'],
  ['shell-pwsh', 'description: d\nshell: pwsh\n'],
  ['at-list-mixed-types', 'description: d\nallowed-tools: [Read, {a: 1}]\n'],
  ['at-list-nested', 'description: d\nallowed-tools: [[Read]]\n'],
  ['at-empty-string', 'description: d\nallowed-tools: ""\n'],
  ['at-float', 'description: d\nallowed-tools: 1.5\n'],
  ['name-float', 'name: 1.0\ndescription: d\n'],
  ['name-date', 'name: 2024-01-01\ndescription: d\n'],
  ['name-empty-str', 'name: ""\ndescription: d\n'],
  ['name-list-empty', 'name: []\ndescription: d\n'],
  ['all-bad', 'name: 1\ndescription: [x]\nallowed-tools: 5\nshell: zsh\n'],
];

function yamlCases(out: CraftedCase[]): void {
  const homes = ['commands/c.md', 'agents/a.md', 'skills/s/SKILL.md'];
  YAML_EDGES.forEach(([label, fm]) => {
    homes.forEach((h, k) => out.push({ name: `ey-${['cmd', 'agent', 'skill'][k]}-${label}`, tree: { [P]: j(base), [h]: md(fm) } }));
  });
}

function targetCases(out: CraftedCase[]): void {
  const pj = j(base);
  const t: [string, TreeSpec, string][] = [
    ['slash-after-file', { [P]: pj }, `${P}/`], ['dot', { [P]: pj }, '.'], ['dotdot-into', { 'a/.claude-plugin/plugin.json': pj, 'b/.keep': '' }, 'b/../a'],
    ['space-dir', { 'my plugin/.claude-plugin/plugin.json': pj }, 'my plugin'], ['unicode-dir', { 'plügin/.claude-plugin/plugin.json': pj }, 'plügin'],
    ['mkt-json-named-plugin', { 'x/plugin.json': j({ name: 'm', owner: { name: 'o' }, plugins: [] }) }, 'x/plugin.json'],
    ['plugin-json-named-mkt', { 'x/marketplace.json': pj }, 'x/marketplace.json'],
    ['plugins-null-file', { 'x.json': j({ name: 'a', plugins: null }) }, 'x.json'],
    ['plugins-array-bad-file', { 'x.json': j({ plugins: [1] }) }, 'x.json'],
    ['file-with-bom-plugins', { 'x.json': '\uFEFF' + j({ name: 'm', owner: { name: 'o' }, plugins: [] }) }, 'x.json'],
    ['claude-plugin-other-file-mkt', { '.claude-plugin/other.json': j({ name: 'm', owner: { name: 'o' }, plugins: [] }) }, '.claude-plugin/other.json'],
    ['claude-plugin-missing-file', { [P]: pj }, '.claude-plugin/nope.json'],
    ['plugin-json-dir-target', { 'x/plugin.json/y': 'y' }, 'x/plugin.json'],
    ['mkt-json-dir-target', { 'x/marketplace.json/y': 'y' }, 'x/marketplace.json'],
    ['other-json-dir-target', { 'x/other.json/y': 'y' }, 'x/other.json'],
    ['mkt-missing-plugin-present-both-dirs', { '.claude-plugin/marketplace.json': { symlink: 'nope' }, [P]: pj }, ''],
  ];
  for (const [label, tree, target] of t) out.push({ name: `et-${label}`, tree, target });
}

export function generateEdgeCases(): CraftedCase[] {
  const out: CraftedCase[] = [];
  pathCases(out);
  unicodeAndJsonCases(out);
  yamlCases(out);
  targetCases(out);
  return out;
}
