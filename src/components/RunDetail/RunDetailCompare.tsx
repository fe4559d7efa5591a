import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type ComponentPropsWithoutRef, type FormEvent } from 'react';
import type { Step } from '../../api/types.js';
import { compareRuns, type StepComparison } from '../../core/compareRuns.js';
import { diffJson } from '../../core/diffJson.js';
import { parsePayload } from '../../core/parsePayload.js';
import { cx } from '../shared/cx.js';
import { DataSection } from '../shared/DataSection.js';
import { Duration } from '../shared/Duration.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import type { UiConfig } from '../shared/useUi.js';
import { useRunDetailContext } from './RunDetailContext.js';
import { RunLink } from './RunLink.js';
import type { PayloadLoader } from '../StepTimeline/types.js';

export interface RunDetailCompareProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** Height of the scrolling table in px. Defaults to 480. */
  height?: number;
  /** Outputs larger than this (bytes) are not loaded for comparison. Defaults to 262 144 (256 KiB). */
  maxOutputBytes?: number;
}

const ROW = 44;

/**
 * The run beside another (the run it replays, or its newest replay, by default; any run of the workflow by
 * id): steps matched by their place in the graph, what differs per step (status, duration, attempts, output),
 * the first divergence marked and reachable from the summary, and a step's two outputs compared path by path.
 * Virtualized rows of a real table. `data-slot="run-detail-compare"`; picker `compare-picker`, summary
 * `compare-summary`, table `compare-table` with rows `compare-row` (`data-differs`, `data-first-divergence`),
 * the output comparison `compare-outputs`.
 */
export function RunDetailCompare({ height = 480, maxOutputBytes = 262_144, className, ...rest }: RunDetailCompareProps) {
  const { props, ui, compareRunId, setCompareRunId } = useRunDetailContext('RunDetailCompare');
  const t = ui.text.runDetail.compare;
  const id = useId();
  const run = props.run;
  const other = props.compare ?? null;
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const comparison = useMemo(
    () => (run && props.steps && other?.run && other.run.id === compareRunId ? compareRuns(props.steps, other.steps) : null),
    [run, props.steps, other, compareRunId],
  );
  const rows = useMemo(() => {
    if (!comparison) return [];
    return onlyDifferences ? comparison.rows.filter((row) => row.differences.length > 0) : comparison.rows;
  }, [comparison, onlyDifferences]);
  const firstKey = comparison && comparison.firstDivergence !== null ? comparison.rows[comparison.firstDivergence]!.key : null;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 6 });
  if (!run) return null;

  const candidates = [
    ...(run.replayOf ? [run.replayOf] : []),
    ...(props.replays ?? []).map((replay) => replay.id),
  ].filter((value, index, all) => all.indexOf(value) === index);
  const pick = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('run');
    const next = typeof value === 'string' ? value.trim() : '';
    setCompareRunId(next || null);
  };
  const jumpToFirst = () => {
    const index = rows.findIndex((row) => row.key === firstKey);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-first-divergence="true"] th`)?.focus());
  };
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));
  const openRow = open ? rows.find((row) => row.key === open) : undefined;

  return (
    <section className={cx('rv-compare', className)} data-slot="run-detail-compare" aria-label={t.label} {...rest}>
      <form className="rv-compare__picker" data-slot="compare-picker" onSubmit={pick}>
        <label htmlFor={`${id}-run`}>{t.otherRun}</label>
        <input
          key={compareRunId ?? ''}
          id={`${id}-run`}
          name="run"
          className="rv-input"
          list={candidates.length ? `${id}-candidates` : undefined}
          defaultValue={compareRunId ?? ''}
          autoComplete="off"
          spellCheck={false}
        />
        {candidates.length ? (
          <datalist id={`${id}-candidates`}>
            {candidates.map((candidate) => (
              <option key={candidate} value={candidate} />
            ))}
          </datalist>
        ) : null}
        <button type="submit" className="rv-button">
          {t.compareButton}
        </button>
      </form>
      {compareRunId === null ? (
        <p className="rv-compare__message" role="status">
          {t.noOther}
        </p>
      ) : other?.error ? (
        <p className="rv-compare__message" role="alert">
          {typeof other.error === 'string' ? other.error : other.error.message}
        </p>
      ) : !comparison ? (
        <p className="rv-compare__message" role="status">
          {t.loading}
        </p>
      ) : (
        <>
          <div className="rv-compare__summary" data-slot="compare-summary">
            <h3 className="rv-run-detail__subtitle">
              {t.against('')}
              <RunLink target={{ workflowId: other!.run!.workflowId, runId: other!.run!.id }} links={props} />
            </h3>
            <span role="status">{t.summary(comparison.rows.length, comparison.differing)}</span>
            {firstKey ? (
              <button type="button" className="rv-button" onClick={jumpToFirst}>
                {t.firstDivergence}: {comparison.rows[comparison.firstDivergence!]!.name}
              </button>
            ) : (
              <span>{t.noDivergence}</span>
            )}
            <label className="rv-compare__only">
              <input type="checkbox" checked={onlyDifferences} onChange={(event) => setOnlyDifferences(event.currentTarget.checked)} /> {t.onlyDifferences}
            </label>
          </div>
          {/* The scrolling table is reachable by keyboard, to scroll it (axe: scrollable-region-focusable). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div ref={scroller} className="rv-compare__scroller" style={{ maxHeight: height }} tabIndex={0} role="group" aria-label={t.tableLabel}>
            <table className="rv-compare__table" data-slot="compare-table" aria-rowcount={rows.length + 1}>
              <caption className="rv-visually-hidden">{t.tableLabel}</caption>
              <thead>
                <tr aria-rowindex={1}>
                  <th scope="col">{t.step}</th>
                  <th scope="col">{t.thisRun}</th>
                  <th scope="col">{t.otherRunColumn}</th>
                  <th scope="col">{t.differences}</th>
                </tr>
              </thead>
              <tbody>
                {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
                {items.map((item) => (
                  <CompareRow
                    key={rows[item.index]!.key}
                    row={rows[item.index]!}
                    index={item.index}
                    first={rows[item.index]!.key === firstKey}
                    open={rows[item.index]!.key === open}
                    onToggle={(key) => setOpen((current) => (current === key ? null : key))}
                    canCompareOutputs={Boolean(props.loadPayload && props.loadComparePayload)}
                    ui={ui}
                  />
                ))}
                {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
              </tbody>
            </table>
          </div>
          {openRow?.a && openRow.b && props.loadPayload && props.loadComparePayload ? (
            <CompareOutputs a={openRow.a} b={openRow.b} loadA={props.loadPayload} loadB={props.loadComparePayload} maxBytes={maxOutputBytes} ui={ui} />
          ) : null}
        </>
      )}
    </section>
  );
}

interface CompareRowProps {
  row: StepComparison;
  index: number;
  first: boolean;
  open: boolean;
  onToggle: (key: string) => void;
  canCompareOutputs: boolean;
  ui: UiConfig;
}

function StepCell({ step, missing, ui }: { step: Step | null; missing: string; ui: UiConfig }) {
  const t = ui.text.runDetail.compare;
  if (!step) return <td className="rv-compare__missing">{missing}</td>;
  return (
    <td>
      <StatusBadge status={step.status} reason={step.skipReason} /> <Duration ms={step.durationMs} />{' '}
      <span className="rv-compare__attempts">
        {t.attempts}: {step.attempts}
      </span>
      {step.reusedFrom ? <span className="rv-badge">{t.reused}</span> : null}
    </td>
  );
}

function CompareRow({ row, index, first, open, onToggle, canCompareOutputs, ui }: CompareRowProps) {
  const t = ui.text.runDetail.compare;
  const words: Record<string, string> = { missing: t.differs, status: t.status, duration: t.duration, attempts: t.attempts, output: t.output };
  const canOpen = canCompareOutputs && row.a?.outputSize != null && row.b?.outputSize != null;
  return (
    <tr
      data-slot="compare-row"
      aria-rowindex={index + 2}
      data-differs={row.differences.length ? 'true' : 'false'}
      data-first-divergence={first ? 'true' : undefined}
      className="rv-compare__row"
      style={{ height: ROW }}
    >
      <th scope="row" tabIndex={first ? -1 : undefined} style={{ paddingInlineStart: `calc(${row.depth} * var(--rv-space-3) + var(--rv-space-2))` }}>
        {row.name}
        {first ? <span className="rv-badge" data-badge="divergence">{t.firstDivergence}</span> : null}
      </th>
      <StepCell step={row.a} missing={t.onlyThere} ui={ui} />
      <StepCell step={row.b} missing={t.onlyHere} ui={ui} />
      <td>
        {row.differences.length ? row.differences.filter((d) => d !== 'missing').map((d) => words[d]).join(', ') || t.differs : t.same}
        {canOpen ? (
          <>
            {' '}
            <button type="button" className="rv-button" data-variant="ghost" aria-expanded={open} onClick={() => onToggle(row.key)}>
              {open ? t.hideOutputs : t.showOutputs}
            </button>
          </>
        ) : null}
      </td>
    </tr>
  );
}

type Loaded = { status: 'error'; message: string } | { status: 'done'; a: unknown; b: unknown };

/** The two outputs of one step side by side, with the paths where they differ. */
function CompareOutputs({ a, b, loadA, loadB, maxBytes, ui }: { a: Step; b: Step; loadA: PayloadLoader; loadB: PayloadLoader; maxBytes: number; ui: UiConfig }) {
  const t = ui.text.runDetail.compare;
  // What was loaded, for which pair of steps: a result for another pair reads as loading.
  const pair = `${a.id}|${b.id}`;
  const [result, setResult] = useState<{ pair: string; loaded: Loaded } | null>(null);
  const tooLarge = (a.outputSize ?? 0) > maxBytes || (b.outputSize ?? 0) > maxBytes;
  useEffect(() => {
    if (tooLarge) return;
    const setLoaded = (loaded: Loaded) => setResult({ pair, loaded });
    const controller = new AbortController();
    const read = (load: PayloadLoader, step: Step) => load(step, 'output', { offset: 0, limit: maxBytes }, controller.signal).then((chunk) => {
        const parsed = parsePayload(chunk.data);
        return parsed.kind === 'json' ? parsed.value : parsed.text;
      });
    Promise.all([read(loadA, a), read(loadB, b)]).then(
      ([left, right]) => setLoaded({ status: 'done', a: left, b: right }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [a, b, pair, loadA, loadB, maxBytes, tooLarge]);
  const current = !tooLarge && result?.pair === pair ? result.loaded : null;
  const loaded = tooLarge ? ({ status: 'large' } as const) : (current ?? ({ status: 'loading' } as const));
  const diff = useMemo(() => (current?.status === 'done' ? diffJson(current.a, current.b) : null), [current]);
  return (
    <div className="rv-compare__outputs" data-slot="compare-outputs" aria-label={`${t.showOutputs}: ${a.name}`} role="region">
      {loaded.status === 'loading' ? <p role="status">{t.loading}</p> : null}
      {loaded.status === 'large' ? <p role="status">{t.outputTooLarge}</p> : null}
      {loaded.status === 'error' ? <p role="alert">{loaded.message}</p> : null}
      {diff && loaded.status === 'done' ? (
        <>
          {diff.differences.length === 0 ? (
            <p role="status">{t.outputsEqual}</p>
          ) : (
            <ul className="rv-compare__paths">
              {diff.differences.map((d) => (
                <li key={d.path} data-kind={d.kind}>
                  <code>{d.path}</code> {d.kind === 'changed' ? `${preview(d.a)} → ${preview(d.b)}` : d.kind === 'added' ? `+ ${preview(d.b)}` : `− ${preview(d.a)}`}
                </li>
              ))}
              {diff.more ? <li>+{diff.more}</li> : null}
            </ul>
          )}
          <div className="rv-compare__sides">
            <DataSection title={t.outputThis} data={loaded.a} defaultOpen />
            <DataSection title={t.outputOther} data={loaded.b} defaultOpen />
          </div>
        </>
      ) : null}
    </div>
  );
}

const preview = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};
