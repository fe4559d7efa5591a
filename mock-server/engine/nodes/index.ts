/** Node handlers by kind. */
import { branch, passThrough, stopError } from './control';
import { http } from './http';
import { integration } from './integration';
import { loop } from './loop';
import { review } from './review';
import { sendMessage } from './sendMessage';
import type { NodeKind } from '../definitions';
import type { NodeHandler } from './types';
import { work } from './work';

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
