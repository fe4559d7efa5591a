import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../shared/cx.js';
import { useUi } from '../shared/useUi.js';

export type CommandCenterRootProps = ComponentPropsWithoutRef<'div'>;

/**
 * The command center's frame: a labelled group laid out as a responsive grid (panels side by side on wide
 * screens, stacked on narrow ones; it answers its own width through a container query).
 * `data-slot="command-center"`.
 */
export function CommandCenterRoot({ className, children, 'aria-label': ariaLabel, ...rest }: CommandCenterRootProps) {
  const { text } = useUi();
  return (
    <div {...rest} role="group" aria-label={ariaLabel ?? text.commandCenter.label} data-slot="command-center" className={cx('rv-root rv-command-center', className)}>
      <div className="rv-command-center__grid">{children}</div>
    </div>
  );
}
