/** Node handlers by kind. */
import { branch, passThrough, stopError } from './control.js';
import { http } from './http.js';
import { integration } from './integration.js';
import { loop } from './loop.js';
import { review } from './review.js';
import { sendMessage } from './sendMessage.js';
import type { NodeKind } from '../definitions.js';
import type { NodeHandler } from './types.js';
import { work } from './work.js';

export const HANDLERS: Readonly<Record<NodeKind, NodeHandler>> = {
  task: work,
  llm: work,
  tool: work,
  http,
  integration,
  send_message: sendMessage,
  branch,
  parallel: passThrough,
  join: passThrough,
  end: passThrough,
  stop_error: stopError,
  loop,
  review,
};
