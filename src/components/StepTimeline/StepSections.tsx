import type { Step } from '../../api/types.js';
import { DataSection } from '../shared/DataSection.js';
import { useUi } from '../shared/useUi.js';
import { ErrorSummary } from './ErrorSummary.js';
import { HttpErrorView } from './HttpErrorView.js';
import { PayloadSection } from './PayloadSection.js';
import { isSectionOpen, stepSectionKeys, withSectionOpen, type SectionKey, type StepSectionState } from '../../core/stepSections.js';
import { useTimelineActions } from './TimelineContext.js';

export interface StepSectionsProps {
  step: Step;
  sections: StepSectionState | undefined;
}

/** Input / Output / Error / Iteration data of an expanded step; one section alone opens by itself. */
export function StepSections({ step, sections }: StepSectionsProps) {
  const { text } = useUi();
  const { setSection } = useTimelineActions();
  const keys = stepSectionKeys(step);
  const only = keys.length === 1;
  const openProps = (key: SectionKey) => ({
    open: isSectionOpen(sections, key, only),
    onOpenChange: (open: boolean) => setSection(step.id, (s) => withSectionOpen(s, key, open)),
    view: sections?.view?.[key] ?? 'ui',
    onViewChange: (view: 'ui' | 'raw') => setSection(step.id, (s) => ({ ...s, view: { ...s.view, [key]: view } })),
  });

  return (
    <div className="rv-step__sections" data-slot="timeline-step-sections">
      {keys.map((key) => {
        if (key === 'input' || key === 'output') {
          return (
            <PayloadSection
              key={key}
              step={step}
              part={key}
              title={key === 'input' ? text.input : text.output}
              items={sections?.items?.[key]}
              {...openProps(key)}
            />
          );
        }
        if (key === 'error' && step.error) {
          const { http } = step.error;
          return (
            <DataSection
              key={key}
              title={text.error}
              className="rv-section--error"
              data={step.error}
              ui={
                <>
                  <ErrorSummary error={step.error} />
                  {http && <HttpErrorView http={http} />}
                </>
              }
              {...openProps(key)}
            />
          );
        }
        return (
          <DataSection
            key={key}
            title={text.iterationData}
            data={step.iteration}
            {...openProps(key)}
          />
        );
      })}
    </div>
  );
}
