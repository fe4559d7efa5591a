import { ANALYTICS_OUTCOMES, type AnalyticsOutcome } from '../../core/analyticsModel.js';
import { Icon, type IconName } from '../shared/icons.js';

/** Each outcome's icon: status is never told by colour (or pattern) alone. */
export const OUTCOME_ICONS: Record<AnalyticsOutcome, IconName> = { succeeded: 'check', failed: 'x', canceled: 'ban', unfinished: 'clock' };

/** SVG fill patterns of the outcomes (solid, hatched, dotted, striped), drawn in the theme's colours. */
export function OutcomePatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {ANALYTICS_OUTCOMES.map((o) => (
        <pattern key={o} id={`${prefix}-${o}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={o === 'failed' ? 'rotate(45)' : undefined}>
          <rect width="6" height="6" className="rv-analytics__fill" data-outcome={o} />
          {o === 'failed' ? <rect x="0" y="0" width="2" height="6" className="rv-analytics__mark" /> : null}
          {o === 'canceled' ? <circle cx="3" cy="3" r="1.2" className="rv-analytics__mark" /> : null}
          {o === 'unfinished' ? <rect x="0" y="0" width="6" height="2" className="rv-analytics__mark" /> : null}
        </pattern>
      ))}
    </defs>
  );
}

/** A legend swatch: the outcome's pattern beside its icon. */
export function OutcomeSwatch({ outcome, prefix }: { outcome: AnalyticsOutcome; prefix: string }) {
  return (
    <>
      <svg className="rv-analytics__swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        <rect width="12" height="12" rx="2" fill={`url(#${prefix}-${outcome})`} />
      </svg>
      <Icon name={OUTCOME_ICONS[outcome]} className="rv-analytics__icon" />
    </>
  );
}
