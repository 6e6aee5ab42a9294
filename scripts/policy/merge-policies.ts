import type { EffectivePolicy, Grade, PolicyFailure, PolicyLayer, ShadowingMode, Tagged, UnreachableMode } from './types.ts';

const SHADOWING_STRICTNESS: ShadowingMode[] = ['allow', 'highest', 'deny'];
const UNREACHABLE_STRICTNESS: UnreachableMode[] = ['skip', 'deny'];
const GRADE_STRICTNESS: Grade[] = ['F', 'D', 'C', 'B', 'A'];

/** The policy with no file at all: nothing to enforce beyond the fail-closed defaults. */
export function emptyPolicy(): EffectivePolicy {
  return {
    failure: null, layers: [],
    plugins: { allow: [], block: [] }, marketplaces: { allow: [], block: [] }, hosts: { allow: [], block: [] }, kinds: { allow: [] },
    registries: [], pins: [],
    shadowing: { value: 'deny', origin: 'default', path: '' },
    onUnreachable: { value: 'deny', origin: 'default', path: '' },
    requireLockfile: null, requireOrgPolicy: null,
    trust: { minGrade: null, requireSignature: [], denySeverities: [] },
    notes: [],
  };
}

/** A policy that denies everything, with the reason (unreadable file, missing required org policy…). */
export function failedPolicy(failure: PolicyFailure, layers: EffectivePolicy['layers'] = []): EffectivePolicy {
  return { ...emptyPolicy(), failure, layers };
}

/**
 * Merge policy layers, org first. The first layer sets values freely; every later layer can only
 * tighten: allowlists intersect (a name must match every layer's list), blocklists, pins and signature
 * requirements add up, modes and grades take the stricter value, and a later layer can neither
 * re-prioritise nor outrank an earlier layer's registries (a project must not be able to put a public
 * registry above the org's internal one).
 */
export function mergePolicies(layers: PolicyLayer[]): EffectivePolicy {
  const out = emptyPolicy();
  layers.forEach((layer, i) => {
    const { doc, origin, path } = layer;
    const tag = <T>(value: T): Tagged<T> => ({ value, origin, path });
    out.layers.push({ origin, path });
    if (doc.plugins?.allow) out.plugins.allow.push({ origin, path, patterns: doc.plugins.allow });
    for (const p of doc.plugins?.block ?? []) out.plugins.block.push(tag(p));
    if (doc.marketplaces?.allow) out.marketplaces.allow.push({ origin, path, patterns: doc.marketplaces.allow });
    for (const p of doc.marketplaces?.block ?? []) out.marketplaces.block.push(tag(p));
    if (doc.sources?.allowHosts) out.hosts.allow.push({ origin, path, patterns: doc.sources.allowHosts.map((h) => h.toLowerCase()) });
    for (const h of doc.sources?.blockHosts ?? []) out.hosts.block.push(tag(h.toLowerCase()));
    if (doc.sources?.allowKinds) out.kinds.allow.push({ origin, path, kinds: doc.sources.allowKinds });
    for (const [pattern, registry] of Object.entries(doc.pins ?? {})) {
      const clash = out.pins.find((p) => p.pattern === pattern && p.registry !== registry);
      if (clash) out.notes.push(`${path}: pin ${pattern} → ${registry} conflicts with ${clash.origin} pin → ${clash.registry}; both must hold, so ${pattern} cannot be installed`);
      out.pins.push({ pattern, registry, origin, path });
    }
    mergeRegistries(out, layer, i === 0);
    if (doc.shadowing) out.shadowing = stricter(out.shadowing, tag(doc.shadowing), SHADOWING_STRICTNESS, i === 0, out.notes, 'shadowing');
    if (doc.onUnreachable) out.onUnreachable = stricter(out.onUnreachable, tag(doc.onUnreachable), UNREACHABLE_STRICTNESS, i === 0, out.notes, 'onUnreachable');
    if (doc.requireLockfile !== undefined) out.requireLockfile = out.requireLockfile?.value ? out.requireLockfile : tag(doc.requireLockfile);
    if (doc.requireOrgPolicy !== undefined) out.requireOrgPolicy = out.requireOrgPolicy?.value ? out.requireOrgPolicy : tag(doc.requireOrgPolicy);
    const t = doc.trust;
    if (t?.minGrade) {
      const cur = out.trust.minGrade;
      if (!cur || GRADE_STRICTNESS.indexOf(t.minGrade) > GRADE_STRICTNESS.indexOf(cur.value)) out.trust.minGrade = tag(t.minGrade);
      else if (t.minGrade !== cur.value) out.notes.push(`${path}: trust.minGrade ${t.minGrade} is looser than ${cur.value} (${cur.origin}); kept ${cur.value}`);
    }
    for (const r of t?.requireSignature ?? []) out.trust.requireSignature.push(tag(r));
    for (const s of t?.denySeverities ?? []) if (!out.trust.denySeverities.some((d) => d.value === s)) out.trust.denySeverities.push(tag(s));
  });
  return out;
}

function mergeRegistries(out: EffectivePolicy, layer: PolicyLayer, first: boolean): void {
  const earlier = out.registries.slice();
  const floor = earlier.length ? Math.min(...earlier.map((r) => r.priority)) : null;
  for (const r of layer.doc.registries ?? []) {
    const prior = earlier.find((e) => e.name === r.name);
    if (prior) {
      out.notes.push(`${layer.path}: registry ${r.name} is already defined by the ${prior.origin} policy; its definition and priority are kept`);
      continue;
    }
    if (out.registries.some((e) => e.name === r.name)) {
      out.notes.push(`${layer.path}: registry ${r.name} is listed twice; the first entry is used`);
      continue;
    }
    let priority = r.priority ?? 0;
    if (!first && floor !== null && priority >= floor) {
      out.notes.push(`${layer.path}: registry ${r.name} priority ${priority} lowered to ${floor - 1}: a ${layer.origin} registry cannot outrank the ${earlier[0].origin} policy's registries`);
      priority = floor - 1;
    }
    out.registries.push({ name: r.name, ...(r.source !== undefined ? { source: r.source } : {}), priority, origin: layer.origin, path: layer.path });
  }
}

type Mode<T> = Tagged<T> | { value: T; origin: 'default'; path: '' };
function stricter<T>(cur: Mode<T>, next: Tagged<T>, order: T[], first: boolean, notes: string[], key: string): Mode<T> {
  if (first || order.indexOf(next.value) >= order.indexOf(cur.value)) return next;
  notes.push(`${next.path}: ${key}: ${String(next.value)} is looser than ${String(cur.value)} (${cur.origin}); kept ${String(cur.value)}`);
  return cur;
}
