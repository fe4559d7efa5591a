import type { MouseEvent } from 'react';
import type { RunDetailLinks, RunRef } from './types.js';

/** Another run's id: a real link when the host gives an href builder, else the id as code. */
export function RunLink({ target, links, label }: { target: RunRef; links: RunDetailLinks; label?: string }) {
  const href = links.getRunHref?.(target);
  const onClick = links.onOpenRun
    ? (event: MouseEvent<HTMLElement>) => {
        // A modified click opens a tab: leave it to the browser.
        if (href && (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)) return;
        links.onOpenRun?.(target, event);
      }
    : undefined;
  if (href) {
    return (
      <a className="rv-link" href={href} onClick={onClick} data-run-link={target.runId}>
        {label ?? target.runId}
      </a>
    );
  }
  if (onClick) {
    return (
      <button type="button" className="rv-link" onClick={onClick} data-run-link={target.runId}>
        {label ?? target.runId}
      </button>
    );
  }
  return <code data-run-link={target.runId}>{label ?? target.runId}</code>;
}
