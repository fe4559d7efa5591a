import { LinkOut } from '../shared/LinkOut.js';
import type { RunDetailLinks, RunRef } from './types.js';

/** Another run's id: a real link when the host gives an href builder, a button with only a callback, else code. */
export function RunLink({ target, links, label }: { target: RunRef; links: RunDetailLinks; label?: string }) {
  const { onOpenRun } = links;
  return (
    <LinkOut href={links.getRunHref?.(target)} onOpen={onOpenRun ? (event) => onOpenRun(target, event) : undefined} data={{ 'data-run-link': target.runId }}>
      {label ?? target.runId}
    </LinkOut>
  );
}
