import * as z from 'zod';
import { bunUrl } from './bun-url.ts';
import { lazy } from './lazy.ts';

const positiveInt = () => z.number().int().positive();
/** Only the value "comms" is meaningful; anything else is dropped rather than rejected. */
const role = () => z.literal('comms').optional().catch(undefined);
const toolPermission = () => z.enum(['allow', 'ask', 'blocked']);

const oauth = () =>
  z.object({
    clientId: z.string().optional(),
    callbackPort: z.number().int().positive().optional(),
    authServerMetadataUrl: bunUrl((u) => u.startsWith('https://', { message: 'authServerMetadataUrl must use https://' })).optional(),
    scopes: z.string().min(1).optional(),
    xaa: z.boolean().optional(),
  });
const toolPolicy = () => z.object({ name: z.string(), permission_policy: z.enum(['always_allow', 'always_ask', 'always_deny']).optional() });

/** One MCP server config (the value under a server name), as Claude Code accepts it. */
export const mcpServerSchema = lazy(() =>
  z.union([
    z.object({
      type: z.literal('stdio').optional(), command: z.string().min(1, 'Command cannot be empty'), args: z.array(z.string()).default([]),
      env: z.record(z.string(), z.string()).optional(), timeout: positiveInt().optional(), alwaysLoad: z.boolean().optional(), role: role(),
    }),
    z.object({
      type: z.literal('sse'), url: z.string(), headers: z.record(z.string(), z.string()).optional(), headersHelper: z.string().optional(),
      oauth: oauth().optional(), timeout: positiveInt().optional(), tools: z.array(toolPolicy()).optional(), alwaysLoad: z.boolean().optional(),
      role: role(), toolPermissions: z.record(z.string(), toolPermission()).optional(),
    }),
    z.object({
      type: z.literal('sse-ide'), url: z.string(), ideName: z.string(), ideRunningInWindows: z.boolean().optional(),
      timeout: positiveInt().optional(), alwaysLoad: z.boolean().optional(), role: role(),
    }),
    z.object({
      type: z.literal('ws-ide'), url: z.string(), ideName: z.string(), authToken: z.string().optional(), ideRunningInWindows: z.boolean().optional(),
      timeout: positiveInt().optional(), alwaysLoad: z.boolean().optional(), role: role(),
    }),
    z.object({
      type: z.enum(['http', 'streamable-http']).transform(() => 'http' as const), url: z.string(), headers: z.record(z.string(), z.string()).optional(),
      headersHelper: z.string().optional(), oauth: oauth().optional(), timeout: positiveInt().optional(), tools: z.array(toolPolicy()).optional(),
      alwaysLoad: z.boolean().optional(), role: role(), toolPermissions: z.record(z.string(), toolPermission()).optional(),
    }),
    z.object({
      type: z.literal('ws'), url: z.string(), headers: z.record(z.string(), z.string()).optional(), headersHelper: z.string().optional(),
      timeout: positiveInt().optional(), alwaysLoad: z.boolean().optional(), role: role(),
    }),
    z.object({ type: z.literal('sdk'), name: z.string(), timeout: positiveInt().optional(), alwaysLoad: z.boolean().optional() }),
    z.object({
      type: z.literal('claudeai-proxy'), url: z.string(), id: z.string(), displayName: z.string().optional(), iconUrl: z.string().optional(),
      timeout: positiveInt().optional(), alwaysLoad: z.boolean().optional(), toolPermissions: z.record(z.string(), toolPermission()).optional(),
      stateless: z.boolean().optional(), cachedInitResponse: z.record(z.string(), z.unknown()).nullish(),
    }),
  ]),
);
