// A scripted Anthropic Messages API on 127.0.0.1 for driving the real `claude` CLI in tests
// (ANTHROPIC_BASE_URL=http://127.0.0.1:PORT). It records every request and answers POST /v1/messages
// with the reply the test scripts, streamed as Server-Sent Events the way the real API streams them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply =
  | { text: string }
  | { toolUse: { name: string; input: Record<string, unknown>; id?: string }; text?: string };

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

/** Decides the reply to the n-th (0-based) main-loop request. Side requests (no tools) get a plain text reply. */
export type Script = (body: MessagesBody, turn: number) => Reply;

export interface MessagesBody {
  model?: string;
  stream?: boolean;
  system?: unknown;
  tools?: Array<{ name: string }>;
  messages: Array<{ role: string; content: unknown }>;
}

export interface MockApi {
  url: string;
  requests: RecordedRequest[];
  /** Requests to POST /v1/messages that carried tools: the agent's main loop. */
  turns: MessagesBody[];
  close(): Promise<void>;
}

export async function startMockAnthropic(script: Script): Promise<MockApi> {
  const requests: RecordedRequest[] = [];
  const turns: MessagesBody[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try { body = raw ? JSON.parse(raw) : null; } catch { /* keep the text */ }
      const url = req.url ?? '/';
      const path = url.split('?')[0];
      requests.push({ method: req.method ?? '', path, url, headers: req.headers, body });
      try {
        route(req.method ?? '', path, body, res);
      } catch (e) {
        sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: String(e) } });
      }
    });
  });

  function route(method: string, path: string, body: unknown, res: ServerResponse): void {
    if (method === 'POST' && path === '/v1/messages/count_tokens') {
      const text = JSON.stringify(body ?? '');
      return sendJson(res, 200, { input_tokens: Math.max(1, Math.round(text.length / 4)) });
    }
    if (method === 'POST' && path === '/v1/messages') {
      const b = body as MessagesBody;
      const isTurn = Array.isArray(b?.tools) && b.tools.length > 0;
      let reply: Reply = { text: 'ok' };
      if (isTurn) {
        reply = script(b, turns.length);
        turns.push(b);
      }
      return b?.stream ? sendStream(res, b.model ?? 'claude-mock', reply) : sendJson(res, 200, message(b?.model ?? 'claude-mock', reply));
    }
    if (method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { data: [], has_more: false, first_id: null, last_id: null });
    }
    if (method === 'HEAD' || (method === 'GET' && path === '/')) return sendJson(res, 200, {});
    sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `mock: no route for ${method} ${path}` } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    turns,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Every string anywhere in a request body, joined: what the "model" was shown. */
export function textOf(body: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(body);
  return out.join('\n');
}

let ids = 0;

function blocks(reply: Reply): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  if (reply.text) out.push({ type: 'text', text: reply.text });
  if ('toolUse' in reply) out.push({ type: 'tool_use', id: reply.toolUse.id ?? `toolu_mock${++ids}`, name: reply.toolUse.name, input: reply.toolUse.input });
  return out;
}

function usage(): Record<string, number> {
  return { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

function message(model: string, reply: Reply): Record<string, unknown> {
  return {
    id: `msg_mock${++ids}`, type: 'message', role: 'assistant', model,
    content: blocks(reply),
    stop_reason: 'toolUse' in reply ? 'tool_use' : 'end_turn', stop_sequence: null, usage: usage(),
  };
}

function sendJson(res: ServerResponse, status: number, v: unknown): void {
  const data = JSON.stringify(v);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), 'request-id': `req_mock${++ids}` });
  res.end(data);
}

/** The streaming event sequence of the Messages API: message_start, per block start/delta/stop, message_delta, message_stop. */
function sendStream(res: ServerResponse, model: string, reply: Reply): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'request-id': `req_mock${++ids}` });
  const send = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  const msg = message(model, reply);
  send('message_start', { message: { ...msg, content: [], stop_reason: null, usage: { ...usage(), output_tokens: 1 } } });
  (msg.content as Array<Record<string, unknown>>).forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
    }
    send('content_block_stop', { index });
  });
  send('message_delta', { delta: { stop_reason: msg.stop_reason, stop_sequence: null }, usage: { output_tokens: 5 } });
  send('message_stop', {});
  res.end();
}
