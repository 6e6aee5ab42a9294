import type { PluginContext } from '../plugin-context.ts';

/**
 * `compute` once per plugin context: several rules ask for the same plugin's lists (components, hooks,
 * MCP servers), and contexts are immutable. Held weakly, so a context's lists go with it.
 */
export function perContext<T>(compute: (ctx: PluginContext) => T): (ctx: PluginContext) => T {
  const cache = new WeakMap<PluginContext, T>();
  return (ctx) => {
    let hit = cache.get(ctx);
    if (hit === undefined) cache.set(ctx, (hit = compute(ctx)));
    return hit;
  };
}
