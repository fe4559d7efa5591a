import type { ReactNode } from 'react';
import type { StepError } from '../../api/types.js';
import { LongText } from '../shared/LongText.js';
import { useUi } from '../shared/useUi.js';

export interface ErrorSummaryProps {
  error: Pick<StepError, 'code' | 'message' | 'providerStatus' | 'retryable'>;
}

/** The facts of a step error as text: code, message, the provider's status and whether a retry may help. */
export function ErrorSummary({ error }: ErrorSummaryProps) {
  const { text } = useUi();
  const facts: [string, ReactNode][] = [
    [text.errorCode, error.code],
    [text.errorMessage, <LongText key="message" text={error.message} what={text.errorMessage} />],
    [text.providerStatus, error.providerStatus === null ? text.unknownValue : String(error.providerStatus)],
    [text.retryable, text.yesNo(error.retryable)],
  ];
  return (
    <dl className="rv-summary rv-error-summary">
      {facts.map(([label, value], index) => (
        <div key={index} className="rv-summary__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
