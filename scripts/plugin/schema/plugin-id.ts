import * as z from 'zod';
import { lazy } from './lazy.ts';

/** `plugin@marketplace`, the ID used in `enabledPlugins` and installed_plugins.json. */
export const PLUGIN_ID = /^[A-Za-z0-9][-A-Za-z0-9._]*@[A-Za-z0-9][-A-Za-z0-9._]*$/;
export const pluginIdSchema = lazy(() => z.string().regex(PLUGIN_ID, 'Plugin ID must be in format: plugin@marketplace'));
