import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decide } from '../../scripts/policy/decide.ts';
import { mergePolicies } from '../../scripts/policy/merge-policies.ts';
import { validatePolicyDoc } from '../../scripts/policy/validate-policy-doc.ts';
import type { Grade, PluginFacts, PolicyDoc, PolicyLayer, Severity } from '../../scripts/policy/types.ts';

const org = (doc: PolicyDoc): PolicyLayer => ({ origin: 'org', path: '/etc/claude-code/plugins.yaml', doc });
const proj = (doc: PolicyDoc): PolicyLayer => ({ origin: 'project', path: '/p/.claude/policies/plugins.yaml', doc });

test('merge: allowlists intersect, blocklists add up, stricter modes and grades win', () => {
  const m = mergePolicies([
    org({ plugins: { allow: ['corp-*', 'tool'], block: ['corp-bad'] }, shadowing: 'highest', trust: { minGrade: 'C' } }),
    proj({ plugins: { allow: ['tool', 'extra'], block: ['tool-x'] }, shadowing: 'allow', trust: { minGrade: 'B' } }),
  ]);
  const facts = (name: string): PluginFacts => ({ id: `${name}@r`, name, marketplace: 'r', registry: 'r', source: { kind: 'relative', host: 'local' }, alsoIn: [], shadowedBy: [], unreachable: [], grade: 'A' });
  assert.equal(decide(facts('tool'), m).allow, true);
  assert.equal(decide(facts('extra'), m).rule, 'plugins.allow'); // the project cannot widen the org's allowlist
  assert.equal(decide(facts('corp-a'), m).rule, 'plugins.allow'); // nor escape its own
  assert.equal(m.shadowing.value, 'highest');
  assert.equal(m.trust.minGrade?.value, 'B');
  assert.deepEqual(m.plugins.block.map((b) => b.value), ['corp-bad', 'tool-x']);
  assert.ok(m.notes.some((n) => n.includes('shadowing')));
});

test('merge: the org keeps its registries, pins and priorities; a project registry cannot outrank them', () => {
  const m = mergePolicies([
    org({ registries: [{ name: 'internal', source: 'https://git.corp.example/m.git', priority: 100 }], pins: { 'corp-*': 'internal' } }),
    proj({ registries: [{ name: 'internal', source: 'evil/fork', priority: 1000 }, { name: 'public', source: 'anthropics/x', priority: 500 }], pins: { 'corp-*': 'public' } }),
  ]);
  assert.deepEqual(m.registries.map((r) => [r.name, r.priority, r.origin]), [['internal', 100, 'org'], ['public', 99, 'project']]);
  assert.equal(m.registries[0].source, 'https://git.corp.example/m.git');
  const f: PluginFacts = { id: 'corp-a@public', name: 'corp-a', marketplace: 'public', registry: 'public', source: { kind: 'relative', host: 'github.com' }, alsoIn: ['internal'], shadowedBy: ['internal'], unreachable: [] };
  assert.equal(decide(f, m).rule, 'pins');
  assert.equal(decide({ ...f, id: 'corp-a@internal', marketplace: 'internal', registry: 'internal', alsoIn: ['public'], shadowedBy: [] }, m).rule, 'pins'); // both pins must hold
});

// Random policies over a small vocabulary, so layers overlap often.
const names = ['a', 'b', 'corp-a', 'corp-b', 'evil'];
const globs = fc.constantFrom('a', 'b', 'corp-*', '*', 'evil', '*@pub', 'c?rp-a', 'corp-a@internal');
const hosts = fc.constantFrom('github.com', '*.corp.example', 'local', 'evil.example', 'git.corp.example');
const regs = fc.constantFrom('pub', 'internal', 'other');
const kinds = fc.constantFrom('relative', 'github', 'url', 'git-subdir', 'npm');
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const allowBlock = fc.record({ allow: maybe(fc.array(globs, { maxLength: 3 })), block: maybe(fc.array(globs, { maxLength: 2 })) }, { requiredKeys: [] });
// Each section is present in about one policy in four, so that random layers often leave a plugin allowed.
const sometimes = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
const policyDoc: fc.Arbitrary<PolicyDoc> = fc.record({
  requireLockfile: sometimes(fc.boolean()),
  plugins: sometimes(allowBlock),
  marketplaces: sometimes(fc.record({ allow: maybe(fc.array(fc.constantFrom('pub', 'internal', 'oth*', '*'), { maxLength: 2 })), block: maybe(fc.array(fc.constantFrom('pub', 'other'), { maxLength: 1 })) }, { requiredKeys: [] })),
  sources: sometimes(fc.record({ allowHosts: maybe(fc.array(hosts, { maxLength: 3 })), blockHosts: maybe(fc.array(hosts, { maxLength: 2 })), allowKinds: maybe(fc.uniqueArray(kinds, { maxLength: 4 })) }, { requiredKeys: [] })),
  pins: sometimes(fc.dictionary(globs, regs, { maxKeys: 2 })),
  shadowing: sometimes(fc.constantFrom('deny', 'highest', 'allow')),
  onUnreachable: sometimes(fc.constantFrom('deny', 'skip')),
  trust: sometimes(fc.record({ minGrade: fc.constantFrom('A', 'B', 'C', 'D', 'F'), denySeverities: fc.uniqueArray(fc.constantFrom('critical', 'high', 'medium', 'low'), { maxLength: 2 }) }, { requiredKeys: [] })),
}).map((d) => JSON.parse(JSON.stringify(d)) as PolicyDoc);
const facts: fc.Arbitrary<PluginFacts> = fc.record({
  name: fc.constantFrom(...names), registry: regs, kind: kinds,
  host: fc.constantFrom('github.com', 'x.corp.example', 'local', 'evil.example', 'git.corp.example'),
  // Biased towards facts that pass, so that many random cases get past the org and the property bites.
  alsoIn: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(['pub', 'internal', 'other']) }), shadowed: fc.boolean(),
  unreachable: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.constant<string[]>(['other']) }),
  locked: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  grade: fc.constantFrom('A', 'A', 'A', 'B', 'C', 'D', 'F'),
  findings: fc.oneof({ weight: 3, arbitrary: fc.constant<Severity[]>([]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom<Severity>('critical', 'high', 'medium', 'low'), { maxLength: 2 }) }),
}).map((r) => ({
  id: `${r.name}@${r.registry}`, name: r.name, marketplace: r.registry, registry: r.registry,
  source: { kind: r.kind, host: r.host }, sourceHost: r.host,
  alsoIn: r.alsoIn.filter((x) => x !== r.registry), shadowedBy: r.shadowed ? r.alsoIn.filter((x) => x !== r.registry) : [],
  unreachable: r.unreachable, locked: r.locked, grade: r.grade as Grade, findings: r.findings.map((severity) => ({ severity })),
}));

test('property: the project can only tighten: whatever the merged policy allows, the org allows', () => {
  fc.assert(fc.property(policyDoc, policyDoc, facts, (o, p, f) => {
    assert.ok(validatePolicyDoc(o).ok && validatePolicyDoc(p).ok, 'generated policies are schema-valid');
    const merged = decide(f, mergePolicies([org(o), proj(p)]));
    if (!merged.allow) return true;
    const byOrg = decide(f, mergePolicies([org(o)]));
    assert.ok(byOrg.allow, `merged allows ${f.id} but the org denies it by ${byOrg.rule}`);
    return true;
  }), { numRuns: 3000, seed: 20261124 });
});

test('property is not vacuous: some random cases are allowed by the merge and some org-allowed ones are denied by it', () => {
  let allowed = 0;
  let tightened = 0;
  fc.assert(fc.property(policyDoc, policyDoc, facts, (o, p, f) => {
    const m = decide(f, mergePolicies([org(o), proj(p)])).allow;
    if (m) allowed++;
    if (!m && decide(f, mergePolicies([org(o)])).allow) tightened++;
  }), { numRuns: 3000, seed: 7 });
  assert.ok(allowed > 30, `only ${allowed} allowed cases`);
  assert.ok(tightened > 30, `only ${tightened} tightened cases`);
});
