import type { Rule } from '../analysis-model.ts';
import { HOOK_EVENTS_CONTEXT } from '../model.ts';
import { touchesNetwork } from './effects-of.ts';

/** H8: SessionStart/UserPromptSubmit hooks whose output (which Claude reads) comes from the network. */
export const contextInjection: Rule = {
  id: 'H8-context-injection',
  severity: 'high',
  title: "Feeds network content into Claude's context",
  hint: "Ship the text the hook prints inside the plugin; content fetched at session start can change at any time and instruct Claude.",
  check: (model) =>
    model.hooks.flatMap((h) => {
      if (!HOOK_EVENTS_CONTEXT.has(h.event)) return [];
      const net = h.type === 'http' ? h.unit?.effects[0] : touchesNetwork(model, h.unit ? [h.unit] : [], model.hookScripts.get(h) ?? []);
      if (!net) return [];
      return [{ severity: 'high' as const, loc: { file: h.file, line: h.line, snippet: h.command ?? h.url ?? '' }, message: `a ${h.event} hook's output reaches Claude's context, and it fetches from the network (${net.loc.file}:${net.loc.line})${h.standard ? '' : " (declared in a shape Claude Code does not load yet)"}` }];
    }),
};
