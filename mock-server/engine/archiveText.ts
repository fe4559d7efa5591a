/**
 * The words of archived runs: their step errors, trigger labels and the first and last lines of their logs.
 * Shared by the run rows (archive.ts), their logs (archiveLog.ts) and log search, so all three say the same.
 */
import type { RunStatus, StepError } from '../../src/api/types.js';

/** The error of an archived run's failing step of this kind (`n`, the run's ordinal, varies HTTP statuses). */
export function errorFor(kind: string, n: number): StepError {
  if (kind === 'http') {
    const status = n % 2 === 0 ? 404 : 502;
    const body = status === 404 ? { error: 'not_found', detail: 'No order with that id.' } : { error: 'bad_gateway' };
    return {
      code: 'http_error',
      message: httpErrorMessage(n),
      providerStatus: status,
      retryable: status >= 500,
      http: { status, headers: { 'content-type': 'application/json', 'x-request-id': `req-${n}` }, body: JSON.stringify(body, null, 2) },
    };
  }
  if (kind === 'llm') return { code: 'provider_error', message: 'The model provider is overloaded; try again later.', providerStatus: 503, retryable: true, http: null };
  if (kind === 'integration') return { code: 'missing_credential', message: 'The CRM credential was rejected.', providerStatus: 401, retryable: false, http: null };
  if (kind === 'stop_error') return { code: 'stop_error', message: 'Stopped: the request did not pass validation.', providerStatus: null, retryable: false, http: null };
  return { code: 'timeout', message: 'The step timed out after 30 s.', providerStatus: null, retryable: true, http: null };
}

/** `errorFor(kind, n).message`, without building the error. */
export function errorMessageFor(kind: string, n: number): string {
  return kind === 'http' ? httpErrorMessage(n) : errorFor(kind, n).message;
}

function httpErrorMessage(n: number): string {
  return n % 2 === 0 ? 'HTTP 404 Not Found' : 'HTTP 502 Bad Gateway';
}

export function labelOf(type: string, source: string | null): string {
  switch (type) {
    case 'manual':
      return 'Manual run';
    case 'api':
      return 'API';
    case 'webhook':
      return 'Webhook';
    case 'schedule':
      return 'Schedule: every 1 h';
    case 'replay':
      return `Replay of ${source}`;
    default:
      return 'After upstream workflow';
  }
}

/** The message of an archived run's first event. */
export function queuedMessage(label: string): string {
  return `Run queued (${label})`;
}

/** The message of an archived run's last event. */
export function endMessage(status: RunStatus, errorMessage: string | undefined): string {
  return status === 'failed' ? `Run failed: ${errorMessage}` : `Run ${status}`;
}
