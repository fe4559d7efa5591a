/**
 * Temporal payloads as values a view can show. A payload's `metadata.encoding` names its converter
 * (`json/plain`, `binary/null`, `binary/plain`, `json/protobuf`, …); anything this module cannot read (an
 * encrypted or compressed payload with no codec to open it, raw protobuf) becomes the documented placeholder
 * `{ "@encoded": "<encoding>", "bytes": <size of data> }`, never an error and never a guess. Pure: no I/O.
 */
import type { TemporalPayload, TemporalPayloads } from './types.js';

/** Key of the placeholder that stands for a payload nothing could read: `{ "@encoded": encoding, bytes }`. */
export const ENCODED_PAYLOAD_KEY = '@encoded';

/** What stands in for a payload no converter or codec could read. */
export interface EncodedPayloadPlaceholder {
  '@encoded': string;
  /** Size of the payload's data in bytes. */
  bytes: number;
}

/**
 * Opens payloads before they are read, like a Temporal SDK's PayloadCodec `decode` (e.g. decryption): given
 * payloads as sent by the server, returns the same number of payloads, in order. Payloads it does not handle
 * should come back unchanged.
 */
export interface TemporalPayloadCodec {
  decode(payloads: TemporalPayload[]): Promise<TemporalPayload[]>;
}

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of a base64 string (standard or URL alphabet); an empty array for malformed input. */
export function base64ToBytes(text: string | undefined): Uint8Array {
  if (!text) return new Uint8Array(0);
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return new Uint8Array(0);
  }
}

/** Base64 of a UTF-8 string (for payloads the adapter sends). */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A metadata value as text (metadata values are base64 bytes). */
export function metadataText(payload: TemporalPayload | undefined, key: string): string | null {
  const raw = payload?.metadata?.[key];
  return raw === undefined ? null : utf8.decode(base64ToBytes(raw));
}

/** A `json/plain` payload holding `value`, as the adapter sends inputs, memo and search attribute values. */
export function jsonPayload(value: unknown, extraMetadata: Record<string, string> = {}): TemporalPayload {
  const metadata: Record<string, string> = { encoding: textToBase64('json/plain') };
  for (const [key, text] of Object.entries(extraMetadata)) metadata[key] = textToBase64(text);
  return { metadata, data: textToBase64(JSON.stringify(value ?? null)) };
}

/** True when `value` is the placeholder of a payload nothing could read. */
export function isEncodedPlaceholder(value: unknown): value is EncodedPayloadPlaceholder {
  return typeof value === 'object' && value !== null && ENCODED_PAYLOAD_KEY in value;
}

function placeholder(encoding: string, bytes: Uint8Array): EncodedPayloadPlaceholder {
  return { [ENCODED_PAYLOAD_KEY]: encoding || 'unknown', bytes: bytes.length };
}

/** One payload as a value: JSON parsed, `binary/null` as null, UTF-8 `binary/plain` as text, else the placeholder. */
export function decodePayload(payload: TemporalPayload | undefined): unknown {
  if (!payload) return undefined;
  const encoding = metadataText(payload, 'encoding') ?? '';
  const bytes = base64ToBytes(payload.data);
  switch (encoding) {
    case 'binary/null':
      return null;
    case 'json/plain':
    case 'json/protobuf':
      try {
        return JSON.parse(utf8.decode(bytes));
      } catch {
        return placeholder(encoding, bytes);
      }
    case 'binary/plain':
      try {
        return strictUtf8.decode(bytes);
      } catch {
        return placeholder(encoding, bytes);
      }
    default:
      return placeholder(encoding, bytes);
  }
}

/** A `Payloads` list as one value: nothing → undefined, one payload → its value, several → an array of values. */
export function decodePayloads(payloads: TemporalPayloads | undefined): unknown {
  const list = payloads?.payloads;
  if (!list || list.length === 0) return undefined;
  if (list.length === 1) return decodePayload(list[0]);
  return list.map((payload) => decodePayload(payload));
}

/** Every payload object inside `value` (found by shape: an object with a `metadata.encoding`), depth-first. */
function collectPayloads(value: unknown, out: TemporalPayload[], depth = 0): void {
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectPayloads(item, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const metadata = record.metadata;
  if (typeof metadata === 'object' && metadata !== null && 'encoding' in metadata) {
    out.push(record);
    return;
  }
  for (const child of Object.values(record)) collectPayloads(child, out, depth + 1);
}

/**
 * `value` (a history page, a describe answer) with every payload run through `codec.decode`, in one call.
 * Payloads the codec fails on keep their encoded form (shown as the placeholder); the input is not changed.
 */
export async function decodeWithCodec<T>(value: T, codec: TemporalPayloadCodec | undefined): Promise<T> {
  if (!codec) return value;
  const copy = structuredClone(value);
  const found: TemporalPayload[] = [];
  collectPayloads(copy, found);
  if (found.length === 0) return copy;
  let decoded: TemporalPayload[];
  try {
    decoded = await codec.decode(found.map((payload) => ({ ...payload })));
  } catch {
    return copy;
  }
  if (!Array.isArray(decoded) || decoded.length !== found.length) return copy;
  found.forEach((payload, index) => {
    const next = decoded[index];
    if (!next) return;
    payload.metadata = next.metadata ?? {};
    payload.data = next.data ?? '';
  });
  return copy;
}

/** The JSON text a payload chunk serves (a decoded value is always JSON: text decodes to a JSON string). */
export function payloadText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Size in bytes of `value`'s payload text, as `Step.inputSize` / `outputSize` report it. */
export function payloadSize(value: unknown): number {
  return new TextEncoder().encode(payloadText(value)).length;
}
