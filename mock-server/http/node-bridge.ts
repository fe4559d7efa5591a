/**
 * Node only: serves MSW handlers over a real socket. An `IncomingMessage` becomes a fetch `Request`, MSW's
 * `getResponse` picks the handler, and the `Response` is written back chunk by chunk, so an event stream is
 * flushed event by event and a client that disconnects cancels it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse, type RequestHandler } from 'msw';
import { MAX_BODY_BYTES } from './bodies.js';
import { problem, problemFromError } from './respond.js';

/** Answers one request with the handlers; never throws. */
export async function serveWithHandlers(
  handlers: readonly RequestHandler[],
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  onUnexpectedError: (error: unknown) => void,
): Promise<number> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  let response: Response;
  try {
    const request = await toRequest(req, origin);
    response =
      request === null
        ? problem({ status: 413, code: 'body_too_large', detail: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` })
        : ((await getResponse([...handlers], request)) ?? notFound(req.method ?? 'GET', path));
  } catch (error) {
    response = problemFromError(error, path, onUnexpectedError);
  }
  await writeResponse(response, res);
  return response.status;
}

function notFound(method: string, path: string): Response {
  return problem({ status: 404, code: 'route_not_found', detail: `No operation answers ${method} ${path}.`, instance: path });
}

/** The request as a fetch `Request`, or null when its body is over the limit. */
async function toRequest(req: IncomingMessage, origin: string): Promise<Request | null> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    let size = 0;
    // Read to the end even past the limit: answering before the client finished sending breaks its socket.
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    }
    if (size > MAX_BODY_BYTES) return null;
    body = Buffer.concat(chunks).toString('utf8');
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (response.body === null) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  let finished = false;
  const gone = new Promise<void>((resolve) =>
    res.once('close', () => {
      if (!finished) void reader.cancel().catch(() => {});
      resolve();
    }),
  );
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await Promise.race([new Promise((resolve) => res.once('drain', resolve)), gone]);
    }
  } catch {
    // The stream failed or was cancelled because the client left: end what was sent.
  } finally {
    finished = true;
    res.end();
  }
}
