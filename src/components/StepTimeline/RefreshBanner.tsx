import { useEffect, useRef, useState } from 'react';
import { useUi } from '../shared/useUi.js';

export interface RefreshBannerProps {
  /** The run is gone (deleted): asking again will not bring it back, so no Try again. */
  gone: boolean;
  /** Why the last refresh failed, when the run is not gone. */
  message: string;
  /** Asks again; the button says it is busy until the returned promise settles. */
  onRetry: () => Promise<void>;
}

/**
 * Says, above a timeline that keeps its steps, that they may be stale: the run was deleted, or a refresh
 * failed (with Try again). One `role="alert"` element for as long as the trouble lasts, and its text changes
 * only with the message, so the failed polls behind it are not announced again and again.
 */
export function RefreshBanner({ gone, message, onRetry }: RefreshBannerProps) {
  const { text } = useUi();
  const [busy, setBusy] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const retry = () => {
    if (busy) return;
    setBusy(true);
    void onRetry().finally(() => {
      if (mounted.current) setBusy(false);
    });
  };
  return (
    <div className="rv-alert rv-timeline__banner" role="alert" data-kind={gone ? 'gone' : 'refresh-failed'}>
      <span>{gone ? text.runGone : text.refreshFailed(message || text.apiError)}</span>
      {!gone && (
        // aria-disabled, not disabled: a disabled button would drop the reader's focus.
        <button type="button" className="rv-button" onClick={retry} aria-disabled={busy || undefined}>
          {text.retry}
        </button>
      )}
    </div>
  );
}
