import * as z from 'zod';
import { lazy } from './lazy.ts';

const nonEmpty = () => z.string().min(1);
const extension = () => z.string().min(2).refine((e) => e.startsWith('.'), { message: 'File extensions must start with dot (e.g., ".ts", not "ts")' });

/** One LSP server config. Strict: an unknown key is an error (shown as `lspServers: Invalid input`). */
export const lspServerSchema = lazy(() =>
  z.strictObject({
    command: z.string().min(1).refine((c) => !(c.includes(' ') && !c.startsWith('/')), { message: 'Command should not contain spaces. Use args array for arguments.' }),
    args: z.array(nonEmpty()).optional(),
    extensionToLanguage: z.record(extension(), nonEmpty()).refine((m) => Object.keys(m).length > 0, { message: 'extensionToLanguage must have at least one mapping' }),
    transport: z.enum(['stdio', 'socket']).default('stdio'),
    env: z.record(z.string(), z.string()).optional(),
    initializationOptions: z.unknown().optional(),
    settings: z.unknown().optional(),
    workspaceFolder: z.string().optional(),
    startupTimeout: z.number().int().positive().optional(),
    shutdownTimeout: z.number().int().positive().optional(),
    restartOnCrash: z.boolean().optional(),
    maxRestarts: z.number().int().nonnegative().optional(),
    diagnostics: z.boolean().optional(),
  }),
);
