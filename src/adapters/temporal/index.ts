/**
 * `react-run-views/adapters/temporal`: run views over a Temporal cluster's HTTP API. Pass the client to
 * `<RunViewsProvider client={createTemporalRunClient({ baseUrl, namespace })}>`; see docs/backends.md.
 */
export { chunkOf, createTemporalRunClient, unavailable } from './client.js';
export type { TemporalRunClient, TemporalRunClientOptions } from './client.js';
export { approvalOf, decisionSignal, listPendingApprovals } from './approvals.js';
export type { ApprovalQueryAnswer, TemporalApprovalOptions } from './approvals.js';
export { createHistoryFold, failureToStepError, foldHistory, mapExecutionStatus } from './fold.js';
export type { HistoryFold, HistoryFoldOptions, HistorySnapshot, StepPayloads } from './fold.js';
export { ENCODED_PAYLOAD_KEY, decodePayload, decodePayloads, decodeWithCodec, isEncodedPlaceholder, jsonPayload } from './payloads.js';
export type { EncodedPayloadPlaceholder, TemporalPayloadCodec } from './payloads.js';
export { STATUS_TO_EXECUTION, UnsupportedFilterError, executionStatusToRunStatus, visibilityQuery } from './visibility.js';
export type * from './types.js';
