/**
 * Strings of the styled components. The shared words (filters, sections, views, states) come from the core
 * UI strings so one override renames them everywhere; the few below are specific to these components.
 */
import { defaultUiStrings, type UiStrings } from '../../core/uiStrings';

export const COMPONENT_TEXT = {
  copyValue: (what: string) => `Copy ${what}`,
  copyFailed: 'Copy failed',
  viewLabel: (section: string) => `${section} view`,
  partialNotice: 'Partly loaded: load the rest to see it as a tree.',
  payloadFailed: 'Could not load this data.',
  emptyPayload: 'Empty',
  saveOutputPath: 'Variable path',
  saveOutputConfirm: 'Save',
  saveOutputCancel: 'Cancel',
  saveOutputDone: (path: string) => `Saved as ${path}`,
  saveOutputFailed: 'Could not save the output.',
  filtersLabel: 'Filter steps',
  stepCount: (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`,
  loadingSteps: 'Loading steps…',
  timelineLabel: 'Step timeline',
  lineage: 'Lineage',
  branch: (n: number) => `branch ${n}`,
  started: 'Started',
  credits: 'Credits',
  httpStatus: 'Status',
  httpHeaders: 'Headers',
  httpBody: 'Body',
  errorCode: 'Code',
  errorMessage: 'Message',
  providerStatus: 'Provider status',
  summaryKeys: {
    method: 'Method',
    url: 'URL',
    statusCode: 'Status code',
    table: 'Table',
    recipient: 'Recipient',
  } as Readonly<Record<string, string>>,
};

export type ComponentText = typeof COMPONENT_TEXT;
export type UiText = UiStrings & ComponentText;

export const DEFAULT_TEXT: UiText = { ...defaultUiStrings, ...COMPONENT_TEXT };
