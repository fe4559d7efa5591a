/** Turns response text into a validated value, or a contained `invalid_response` error naming what is wrong. */
import * as v from 'valibot';
import { RunApiError, excerpt } from './errors.js';
import { ProblemSchema } from './schemas.js';
import type { Problem } from './types.js';

function invalid(operationId: string, reason: string, detail: string | null, cause?: unknown): RunApiError {
  return new RunApiError({
    kind: 'invalid_response',
    operationId,
    message: `${operationId} returned an invalid response: ${reason}`,
    detail,
    cause,
  });
}

/** Parses JSON text; anything else (an HTML error page, an empty body) is an `invalid_response` error. */
export function parseJson(operationId: string, text: string, contentType: string | null): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const what = text.trim() === '' ? 'an empty body' : `a body of type ${contentType || 'unknown'}`;
    throw invalid(operationId, `expected JSON, got ${what}`, text ? excerpt(text) : null, error);
  }
}

/** Validates `value` with `schema`; the error names the operation and the path of the first issue. */
export function validate<const S extends v.GenericSchema>(
  operationId: string,
  schema: S,
  value: unknown,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(root)';
  throw invalid(operationId, `${path}: ${excerpt(issue.message)}`, null, result.issues);
}

/** The body as an RFC 9457 problem when it is a JSON one, else null. */
export function parseProblem(text: string, contentType: string | null): Problem | null {
  if (!contentType || !/json/i.test(contentType)) return null;
  try {
    const result = v.safeParse(ProblemSchema, JSON.parse(text));
    return result.success ? result.output : null;
  } catch {
    return null;
  }
}
