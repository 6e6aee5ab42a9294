import type { Node } from 'acorn';
import type { Effect } from '../model.ts';
import type { ScanContext } from '../scan-context.ts';
import type { Aliases } from './js-apis.ts';

/** An acorn node whose fields are read without casts. */
export type N = Node & Record<string, any>;

/** What the JS front-end knows about one file while it walks it. */
export interface JsState {
  ctx: ScanContext;
  env: Map<string, N>;
  aliases: Aliases;
  fetched: Set<string>;
  secret: Set<string>;
  /** Variables holding the hook's input (stdin, the transcript) or a file's content. */
  input: Set<string>;
  file: Set<string>;
  /** Variables holding a network client (`new Anthropic()`, `net.connect()`, `new WebSocket()`), with what made it. */
  clients: Map<string, string>;
  out: Effect[];
}
