import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from '../shared/cx.js';

export interface CommandCenterPanelProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** The panel's heading. */
  title: ReactNode;
  /** Content beside the heading (a count, a window choice). Defaults to none. */
  aside?: ReactNode;
  /** Level of the heading element. Defaults to 2. */
  headingLevel?: 2 | 3 | 4 | undefined;
  /** The panel's slot name. Defaults to `command-center-panel`. */
  'data-slot'?: string;
}

/** A titled panel of the command center: a `section` named by its heading. `data-slot="command-center-panel"`. */
export function CommandCenterPanel({ title, aside, headingLevel = 2, className, children, 'data-slot': slot = 'command-center-panel', ...rest }: CommandCenterPanelProps) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section {...rest} aria-labelledby={id} data-slot={slot} className={cx('rv-root rv-command-center__panel', className)}>
      <header className="rv-command-center__panel-head">
        <Heading id={id} className="rv-command-center__title">
          {title}
        </Heading>
        {aside}
      </header>
      {children}
    </section>
  );
}
