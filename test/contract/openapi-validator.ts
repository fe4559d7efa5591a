/**
 * Validates HTTP responses against openapi/openapi.yaml, for tests that prove a server keeps the contract:
 *
 *   const api = createOpenApiValidator();
 *   const operationId = api.operationFor('GET', '/v1/workflows/wf_1/runs/r_1/events'); // 'listEvents'
 *   expect(api.validateResponse(operationId!, res.status, await res.json())).toEqual({ valid: true });
 */
import {
  HTTP_METHODS,
  createSchemaCompiler,
  isObject,
  loadOpenApiDocument,
  resolveRef,
  type JsonObject,
  type OpenApiDocument,
} from './openapi-document';

export type ValidationResult = { valid: true } | { valid: false; errors: string };

export interface OpenApiValidatorOptions {
  /** Accept properties the spec does not declare (Problem extension members are always accepted). Defaults to false. */
  allowAdditionalProperties?: boolean;
}

export interface OpenApiValidator {
  /**
   * Checks a response body (parsed JSON, or the raw text of an event stream) against the operation's
   * documented response for `status` and `contentType`.
   * `contentType` may carry parameters (`; charset=utf-8`); it defaults to the response's only media type,
   * else `application/json`. A `text/event-stream` body is the raw stream text: each `data` line is
   * checked against the media type's `x-data-schema`, and each `id` must equal the data's `seq`.
   */
  validateResponse(operationId: string, status: number, body: unknown, contentType?: string): ValidationResult;
  /** The operationId that serves `method` on a concrete path (query string and origin ignored), or null. */
  operationFor(method: string, path: string): string | null;
}

interface Route {
  method: string;
  pattern: RegExp;
  literalSegments: number;
  operationId: string;
}

/** One message of a Server-Sent Events stream. */
export interface SseMessage {
  id: string | null;
  event: string | null;
  data: string;
}

/** Splits `text/event-stream` text into messages; comment lines (`:`) are skipped. */
export function parseEventStream(text: string): SseMessage[] {
  const messages: SseMessage[] = [];
  for (const block of text.replaceAll('\r\n', '\n').split(/\n\n+/)) {
    let id: string | null = null;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) messages.push({ id, event, data: data.join('\n') });
  }
  return messages;
}

function buildRoutes(doc: OpenApiDocument): { routes: Route[]; operations: Map<string, JsonObject> } {
  const routes: Route[] = [];
  const operations = new Map<string, JsonObject>();
  for (const [template, item] of Object.entries(doc.paths)) {
    const segments = template.split('/').filter(Boolean);
    const source = segments
      .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const literalSegments = segments.filter((segment) => !segment.startsWith('{')).length;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
      operations.set(operation.operationId, operation);
      routes.push({ method, pattern: new RegExp(`^/${source}/?$`), literalSegments, operationId: operation.operationId });
    }
  }
  // The most literal template wins, so `/v1/_dev/clock` beats any templated sibling.
  routes.sort((a, b) => b.literalSegments - a.literalSegments);
  return { routes, operations };
}

function fail(errors: string): ValidationResult {
  return { valid: false, errors };
}

/** Loads openapi/openapi.yaml once and answers validators over it. */
export function createOpenApiValidator(options: OpenApiValidatorOptions = {}): OpenApiValidator {
  const doc = loadOpenApiDocument();
  const compiler = createSchemaCompiler(doc, { closedObjects: !options.allowAdditionalProperties });
  const { routes, operations } = buildRoutes(doc);

  function findResponse(operation: JsonObject, status: number): JsonObject | null {
    const responses = isObject(operation.responses) ? operation.responses : {};
    const found = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
    return isObject(found) ? resolveRef(doc, found) : null;
  }

  function validateStream(label: string, media: JsonObject, body: unknown): ValidationResult {
    if (typeof body !== 'string') return fail(`${label}: an event stream body must be the raw text`);
    const dataSchema = isObject(media['x-data-schema']) ? media['x-data-schema'] : null;
    const problems: string[] = [];
    parseEventStream(body).forEach((message, index) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        problems.push(`message ${index}: data is not JSON: ${message.data.slice(0, 80)}`);
        return;
      }
      if (dataSchema) {
        const validate = compiler.compile(dataSchema);
        if (!validate(data)) problems.push(`message ${index}: ${compiler.describe(validate.errors)}`);
      }
      if (message.id !== null && isObject(data) && 'seq' in data && message.id !== String(data.seq)) {
        problems.push(`message ${index}: id ${message.id} differs from data.seq ${String(data.seq)}`);
      }
    });
    return problems.length === 0 ? { valid: true } : fail(`${label}: ${problems.join('; ')}`);
  }

  return {
    validateResponse(operationId, status, body, contentType) {
      const operation = operations.get(operationId);
      if (!operation) return fail(`Unknown operationId '${operationId}'`);
      const response = findResponse(operation, status);
      if (!response) {
        const documented = Object.keys(isObject(operation.responses) ? operation.responses : {}).join(', ');
        return fail(`${operationId}: status ${status} is not documented (documented: ${documented})`);
      }
      const content = isObject(response.content) ? response.content : {};
      const mediaTypes = Object.keys(content);
      if (mediaTypes.length === 0) {
        return body === undefined || body === null || body === ''
          ? { valid: true }
          : fail(`${operationId} ${status}: the response has no body, but one was sent`);
      }
      const type = (contentType ?? (mediaTypes.length === 1 ? mediaTypes[0] : 'application/json'))!
        .split(';')[0]!
        .trim()
        .toLowerCase();
      const media = content[type];
      const label = `${operationId} ${status} ${type}`;
      if (!isObject(media)) return fail(`${label}: content type not documented (documented: ${mediaTypes.join(', ')})`);
      if (type === 'text/event-stream') return validateStream(label, media, body);
      if (!isObject(media.schema)) return { valid: true };
      const validate = compiler.compile(media.schema);
      return validate(body) ? { valid: true } : fail(`${label}: ${compiler.describe(validate.errors)}`);
    },

    operationFor(method, path) {
      const lower = method.toLowerCase();
      const pathname = /^https?:\/\//i.test(path) ? new URL(path).pathname : path.split(/[?#]/)[0]!;
      return routes.find((route) => route.method === lower && route.pattern.test(pathname))?.operationId ?? null;
    },
  };
}
