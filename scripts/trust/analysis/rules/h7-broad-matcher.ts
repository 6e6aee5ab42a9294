import type { RawFinding, Rule } from '../analysis-model.ts';
import { HOOK_EVENTS_BROAD } from '../model.ts';
import { touchesNetwork } from './effects-of.ts';

/** H7: a tool or prompt hook that fires on everything (matcher *, empty or absent); high when it also touches the network. */
export const broadMatcher: Rule = {
  id: 'H7-broad-matcher',
  severity: 'medium',
  title: 'Hook sees every tool call or prompt',
  hint: 'Give the hook a matcher naming only the tools it needs (e.g. "Write|Edit"); a hook on every call receives every file and command, and must not touch the network.',
  check: (model) =>
    model.hooks.flatMap((h): RawFinding[] => {
      if (!h.standard || !HOOK_EVENTS_BROAD.has(h.event)) return [];
      const all = h.matcher === undefined || /^\s*(\*|\.\*|\.\+|)\s*$/.test(h.matcher);
      if (!all) return [];
      const net = h.type === 'http' ? h.unit?.effects[0] : touchesNetwork(model, h.unit ? [h.unit] : [], model.hookScripts.get(h) ?? []);
      const scope = h.event === 'UserPromptSubmit' ? 'every prompt' : `every tool call (${h.event}, matcher ${h.matcher === undefined ? 'absent' : JSON.stringify(h.matcher)})`;
      const loc = { file: h.file, line: h.line, snippet: h.command ?? h.url ?? h.prompt ?? '' };
      return net
        ? [{ severity: 'high' as const, loc, message: `this hook receives ${scope} and touches the network (${net.loc.file}:${net.loc.line})` }]
        : [{ severity: 'medium' as const, loc, message: `this hook receives ${scope}` }];
    }),
};
