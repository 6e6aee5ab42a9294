import * as z from 'zod';
import { bunUrl } from './bun-url.ts';
import { lazy } from './lazy.ts';

/** The hook events Claude Code 2.1.197 fires (an unknown event is `Invalid key in record`). */
export const HOOK_EVENTS = [
  'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'PostToolBatch', 'Notification', 'UserPromptSubmit',
  'UserPromptExpansion', 'SessionStart', 'SessionEnd', 'Stop', 'StopFailure', 'SubagentStart', 'SubagentStop',
  'PreCompact', 'PostCompact', 'PermissionRequest', 'PermissionDenied', 'Setup', 'TeammateIdle', 'TaskCreated',
  'TaskCompleted', 'Elicitation', 'ElicitationResult', 'ConfigChange', 'WorktreeCreate', 'WorktreeRemove',
  'InstructionsLoaded', 'CwdChanged', 'FileChanged', 'MessageDisplay',
] as const;

const ifRule = () => z.string().optional().describe('Permission-rule filter, e.g. "Bash(git *)"');
const timeout = () => z.number().positive().optional().describe('Timeout in seconds');

/** One hook: a discriminated union on `type`; objects are not strict (extra keys are ignored). */
export const hookSchema = lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('command'), command: z.string(), args: z.array(z.string()).optional(), if: ifRule(),
      shell: z.enum(['bash', 'powershell']).optional(), timeout: timeout(), statusMessage: z.string().optional(),
      once: z.boolean().optional(), async: z.boolean().optional(), asyncRewake: z.boolean().optional(),
      rewakeMessage: z.string().min(1).optional(), rewakeSummary: z.string().min(1).optional(),
    }),
    z.object({
      type: z.literal('prompt'), prompt: z.string(), if: ifRule(), timeout: timeout(), model: z.string().optional(),
      continueOnBlock: z.boolean().optional(), statusMessage: z.string().optional(), once: z.boolean().optional(),
    }),
    z.object({
      type: z.literal('agent'), prompt: z.string(), if: ifRule(), timeout: timeout(), model: z.string().optional(),
      statusMessage: z.string().optional(), once: z.boolean().optional(),
    }),
    z.object({
      type: z.literal('http'), url: bunUrl(), if: ifRule(), timeout: timeout(),
      headers: z.record(z.string(), z.string()).optional(), allowedEnvVars: z.array(z.string()).optional(),
      statusMessage: z.string().optional(), once: z.boolean().optional(),
    }),
    z.object({
      type: z.literal('mcp_tool'), server: z.string(), tool: z.string(), input: z.record(z.string(), z.unknown()).optional(),
      if: ifRule(), timeout: timeout(), statusMessage: z.string().optional(), once: z.boolean().optional(),
    }),
  ]),
);

export const hookMatcherSchema = lazy(() =>
  z.object({
    matcher: z.string().optional().describe('String pattern to match (e.g. tool names like "Write")'),
    hooks: z.array(hookSchema()).describe('List of hooks to execute when the matcher matches'),
  }),
);

/** The settings-format hook map `{ <Event>: [matcher…] }`, as written inline in plugin.json. */
export const hooksMapSchema = lazy(() => z.partialRecord(z.enum(HOOK_EVENTS), z.array(hookMatcherSchema())));

/** hooks/hooks.json: the map inside a `{ description?, hooks }` wrapper. */
export const hooksFileSchema = lazy(() =>
  z.object({
    description: z.string().optional().describe('Brief, user-facing explanation of what these hooks provide'),
    hooks: z.lazy(() => hooksMapSchema()).describe('The hooks provided by the plugin, in the same format as the one used for settings'),
  }),
);
