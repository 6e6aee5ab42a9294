import type { AnalysisModel } from '../analysis-model.ts';
import type { Effect, EffectKind, Unit } from '../model.ts';
import { classifyUrl } from '../text/classify-url.ts';

/** Every effect of one kind, with the unit it belongs to. */
export function effectsOf<K extends EffectKind>(model: AnalysisModel, kind: K): Array<{ effect: Extract<Effect, { kind: K }>; unit: Unit }> {
  const out: Array<{ effect: Extract<Effect, { kind: K }>; unit: Unit }> = [];
  for (const unit of model.allUnits()) for (const e of unit.effects) if (e.kind === kind) out.push({ effect: e as Extract<Effect, { kind: K }>, unit });
  return out;
}

/** A network effect that leaves the machine (not localhost). */
export function isRemote(e: Effect): boolean {
  return e.kind === 'network' && (e.url === undefined || classifyUrl(e.url) !== 'local');
}

/** Does a unit, or any file a hook reaches, talk to the network? */
export function touchesNetwork(model: AnalysisModel, units: Unit[], files: string[]): Effect | undefined {
  for (const u of units) {
    const hit = u.effects.find((e) => isRemote(e) || e.kind === 'fetch-exec' || e.kind === 'remote-eval');
    if (hit) return hit;
  }
  for (const f of files) {
    const hit = model.fileUnits.get(f)?.effects.find((e) => isRemote(e) || e.kind === 'fetch-exec' || e.kind === 'remote-eval');
    if (hit) return hit;
  }
  return undefined;
}
