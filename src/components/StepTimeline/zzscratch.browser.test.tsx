import '../../styles/styles.css';
import { Profiler } from 'react';
import { it } from 'vitest';
import { render } from '@testing-library/react';
import { manySteps } from '../testing/steps';
import { StepRow } from './StepRow';
import { StatusBadge } from '../shared/StatusBadge';
import { Duration } from '../shared/Duration';
import { TimelineContext } from './TimelineContext';
import { buildStepTree } from '../../core/buildStepTree';
import { buildTimelineRows } from './buildTimelineRows';
import { TimelineToolbar } from './TimelineToolbar';

const actions = { toggleRow() {}, select() {}, focusRow() {}, setSection() {}, payloads: null, onSaveOutput: undefined, onEditStep: undefined };
async function prof(name: string, el: React.ReactNode) {
  for (let i = 0; i < 4; i++) {
    const commits: number[] = [];
    const v = render(<Profiler id="x" onRender={(_i, _p, ms) => void commits.push(ms)}>{el}</Profiler>);
    await new Promise((r) => setTimeout(r, 20));
    console.log(name, commits.map((c) => c.toFixed(1)).join('/'));
    v.unmount();
  }
}
it('scratch', async () => {
  const steps = manySteps(100);
  const rows = buildTimelineRows([{ key: 'r', run: null, title: 'x', tree: buildStepTree(steps) }], { runHeaders: false, collapsed: new Set() }).filter((r) => r.kind === 'step').slice(0, 25);
  await prof('25 StepRows', <TimelineContext.Provider value={actions}>{rows.map((r) => <StepRow key={r.key} row={r as any} expanded={false} selected={false} tabbable={false} sections={undefined} />)}</TimelineContext.Provider>);
  await prof('50 StatusBadge', <>{Array.from({ length: 50 }, (_, i) => <StatusBadge key={i} status="failed" />)}</>);
  await prof('25 Duration', <>{Array.from({ length: 25 }, (_, i) => <Duration key={i} ms={1234 + i} />)}</>);
  await prof('toolbar', <TimelineToolbar filters={{ errors: false, rejected: false }} onFiltersChange={() => {}} count="100 steps" onJumpToFailed={null} />);
  await prof('500 divs', <>{Array.from({ length: 500 }, (_, i) => <div key={i} className="a"><span>{i}</span></div>)}</>);
});
