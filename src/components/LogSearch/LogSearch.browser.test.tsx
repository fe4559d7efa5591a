/**
 * LogSearch against the reference executor in real Chromium: filters narrow what the executor answers, the
 * live tail adds entries without moving the row the reader looks at, everything works from the keyboard, and a
 * failing API gives a contained error with Try again.
 */
import '../../styles/styles.css';
import { describe, expect, it } from 'vitest';
import { act, render, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import type { WorkflowDefinition } from '../../../mock-server/index.js';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { expectNoAxeViolations } from '../testing/a11y.js';
import { localExecutor, type LocalExecutor } from '../../../test/fixtures/localExecutor.js';
import { LogSearch, type LogSearchProps } from './LogSearch.js';

const noisy: WorkflowDefinition = {
  id: 'noisy',
  name: 'Noisy sync',
  nodes: [
    {
      id: 'fetch',
      name: 'Fetch orders',
      kind: 'task',
      config: {
        durationMs: 200,
        jitter: 0,
        logs: [
          { severity: 'debug', message: 'Cache warm' },
          { severity: 'info', message: 'Fetching orders page 1' },
          { severity: 'warn', message: 'Slow answer from the ERP' },
        ],
      },
    },
    { id: 'save', name: 'Save orders', kind: 'task', config: { durationMs: 200, jitter: 0, logs: [{ severity: 'error', message: 'Row 7 rejected: bad SKU' }] } },
  ],
  edges: [{ from: 'fetch', to: 'save' }],
};

const failing: WorkflowDefinition = {
  id: 'failing',
  name: 'Invoice fetch',
  nodes: [{ id: 'get', name: 'Get invoice', kind: 'http', config: { method: 'GET', url: 'https://billing.example.com/v1/invoices/1', status: 503, body: { error: 'down' } } }],
  edges: [],
};

function runMany(local: LocalExecutor, n: number, workflowId = 'noisy'): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(local.executor.command(workflowId, { command: 'start', params: {} }).run.id);
    local.executor.advance(1_000);
  }
  local.executor.runUntilIdle(600_000);
  return ids;
}

function Search({ local, fetch, ...props }: { local: LocalExecutor; fetch?: typeof globalThis.fetch } & LogSearchProps) {
  return (
    <RunViewsProvider client={{ baseUrl: local.baseUrl, fetch: fetch ?? local.fetchAs() }} queryClient={new QueryClient()} retry={{ retries: 0 }} now={() => local.executor.now()}>
      <LogSearch {...props} />
    </RunViewsProvider>
  );
}

const entries = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-slot="log-search-entry"]')];
const scrollerOf = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-slot="log-search-scroller"]')!;
const slow = { timeout: 15_000 };

/** The first list item whose top is at or below the scroller's top: the row the reader's eye is on. */
function firstVisible(container: HTMLElement): { id: string; top: number } {
  const scroller = scrollerOf(container).getBoundingClientRect();
  const items = [...container.querySelectorAll<HTMLElement>('[data-entry-id]')]
    .map((item) => ({ id: item.dataset.entryId!, top: item.getBoundingClientRect().top }))
    .filter((item) => item.top >= scroller.top - 0.5)
    .sort((a, b) => a.top - b.top);
  return items[0]!;
}

describe('LogSearch', () => {
  it('narrows the entries by severity, run, type and text as the executor answers', async () => {
    const local = localExecutor([noisy, failing]);
    const runs = runMany(local, 6);
    runMany(local, 2, 'failing');
    const user = userEvent.setup();
    const view = render(<Search local={local} />);
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(10), slow);
    await expectNoAxeViolations(view.container);

    await user.click(view.getByRole('button', { name: 'Error' }));
    const errors = local.executor.searchLogs({ severity: ['error'], limit: 100 }).items;
    await waitFor(() => {
      const shown = entries(view.container);
      expect(shown.length).toBe(errors.length);
      expect(shown.every((row) => row.dataset.severity === 'error')).toBe(true);
    }, slow);
    expect(entries(view.container).some((row) => row.textContent?.includes('Row 7 rejected: bad SKU'))).toBe(true);

    await user.type(view.getByLabelText('Run'), `${runs[2]}{Enter}`);
    await waitFor(() => {
      const shown = entries(view.container);
      expect(shown.length).toBe(1);
      expect(within(shown[0]!).getByText(runs[2]!)).toBeTruthy();
    }, slow);
    expect(new URL(local.requests.at(-1)!.url).searchParams.get('runId')).toBe(runs[2]);

    // A step of that run: narrowed in the client (the API has no step parameter).
    await user.click(view.getByRole('button', { name: 'Error' }));
    const stepId = local.executor.searchLogs({ runId: runs[2], type: ['step_started'], limit: 1 }).items[0]!.stepId!;
    const ofStep = local.executor.searchLogs({ runId: runs[2], limit: 100 }).items.filter((e) => e.stepId === stepId);
    await user.type(view.getByLabelText('Step'), `${stepId}{Enter}`);
    await waitFor(() => {
      const shown = entries(view.container);
      expect(shown.length).toBe(ofStep.length);
      expect(shown.every((row) => row.textContent?.includes(`Step ${stepId}`))).toBe(true);
    }, slow);
    expect(local.requests.every((r) => !new URL(r.url).searchParams.has('stepId'))).toBe(true);

    await user.click(view.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(view.getByLabelText('Event type'), 'step_failed');
    await waitFor(() => {
      const shown = entries(view.container);
      expect(shown.length).toBe(2);
      expect(shown.every((row) => row.dataset.type === 'step_failed')).toBe(true);
    }, slow);

    await user.click(view.getByRole('button', { name: 'Clear filters' }));
    await user.type(view.getByLabelText('Search messages'), 'slow answer{Enter}');
    await waitFor(() => {
      const shown = entries(view.container);
      expect(shown.length).toBe(6);
      expect(shown.every((row) => row.textContent?.includes('Slow answer from the ERP'))).toBe(true);
    }, slow);

    await user.clear(view.getByLabelText('Search messages'));
    await user.type(view.getByLabelText('Search messages'), 'no such words{Enter}');
    await waitFor(() => expect(view.container.querySelector('[data-slot="log-search-message"]')?.getAttribute('data-state')).toBe('no-match'), slow);
    await expectNoAxeViolations(view.container);
  });

  it('narrows to a time window in the client and stops paging past its start', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 3);
    local.executor.advance(3_600_000);
    const recent = runMany(local, 2);
    const from = new Date(local.executor.now() - 30 * 60_000).toISOString();
    const inWindow = local.executor.searchLogs({ limit: 500 }).items.filter((e) => e.time >= from);
    const view = render(<Search local={local} pageSize={5} defaultFilters={{ range: { from, to: null } }} />);
    // Small pages: the search asks for older ones on its own until the window's start is passed.
    await waitFor(() => expect(view.container.querySelector('[data-slot="log-search-footer"]')?.getAttribute('data-state')).toBe('end'), slow);
    expect(inWindow.length).toBeGreaterThan(10);
    expect(local.requests.filter((r) => r.url.includes('/v1/logs')).length).toBeGreaterThan(inWindow.length / 5);
    const shown = entries(view.container);
    expect(view.container.querySelector('.rv-log-search__count')?.textContent).toBe(`${inWindow.length} entries`);
    expect(shown.every((row) => recent.some((id) => row.textContent?.includes(id)))).toBe(true);
    expect(view.getByLabelText('Time')).toHaveValue('custom');
  });

  it('a step filter that matches nothing scans at most scanPages pages, then waits for the reader', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 12);
    const base = local.fetchAs();
    let logRequests = 0;
    const fetch: typeof globalThis.fetch = (input, init) => {
      if (new Request(input, init).url.includes('/v1/logs')) logRequests += 1;
      return base(input, init);
    };
    const view = render(<Search local={local} fetch={fetch} pageSize={5} scanPages={3} defaultFilters={{ stepId: 'no-such-step' }} />);
    await waitFor(() => expect(logRequests).toBe(3), slow);
    await waitFor(() => expect(view.container.querySelector('[data-slot="log-search-message"]')?.getAttribute('data-state')).not.toBe('loading'), slow);
    // Nothing more is asked for on its own.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(logRequests).toBe(3);
    // The reader is told how far the search went and can go on.
    const message = view.container.querySelector<HTMLElement>('[data-slot="log-search-message"]')!;
    expect(message.getAttribute('data-state')).toBe('scan-limit');
    expect(message.getAttribute('role')).toBe('status');
    expect(message.textContent).toContain('No matches in the newest 15 entries.');
    await expectNoAxeViolations(view.container);
    await userEvent.setup().click(within(message).getByRole('button', { name: 'Search older entries' }));
    await waitFor(() => expect(view.container.querySelector('[data-slot="log-search-message"]')?.textContent).toContain('No matches in the newest 30 entries.'), slow);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logRequests).toBe(6);
  });

  it('a step filter that matches a few entries does not page through the whole log', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 12);
    const newest = local.executor.searchLogs({ limit: 1 }).items[0]!;
    const stepId = local.executor.searchLogs({ runId: newest.runId, type: ['step_started'], limit: 1 }).items[0]!.stepId!;
    const base = local.fetchAs();
    let logRequests = 0;
    const fetch: typeof globalThis.fetch = (input, init) => {
      if (new Request(input, init).url.includes('/v1/logs')) logRequests += 1;
      return base(input, init);
    };
    const view = render(<Search local={local} fetch={fetch} pageSize={5} scanPages={4} defaultFilters={{ stepId }} />);
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(0), slow);
    await waitFor(() => expect(logRequests).toBe(4), slow);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(logRequests).toBe(4);
    expect(entries(view.container).every((row) => row.textContent?.includes(`Step ${stepId}`))).toBe(true);
    const footer = view.container.querySelector<HTMLElement>('[data-slot="log-search-footer"]')!;
    expect(footer.getAttribute('data-state')).toBe('scan-limit');
    expect(footer.textContent).toContain('Searched the newest 20 entries.');
    await userEvent.setup().click(within(footer).getByRole('button', { name: 'Search older entries' }));
    await waitFor(() => expect(logRequests).toBe(8), slow);
  });

  it('live tail: follows at the top, and keeps the first visible row still while the reader is scrolled away', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 30);
    const view = render(<Search local={local} defaultLiveTail tailIntervalMs={100} />);
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(10), slow);
    const scroller = scrollerOf(view.container);

    // At the top: a new run's entries appear above, in view.
    const followed = local.executor.command('noisy', { command: 'start', params: {} }).run.id;
    act(() => {
      local.executor.runUntilIdle(600_000);
    });
    await waitFor(() => expect(entries(view.container)[0]!.textContent).toContain(followed), slow);
    expect(scroller.scrollTop).toBe(0);
    expect(view.container.querySelector('[data-slot="log-search-new-entries"] button')).toBeNull();

    // Scrolled away: the row in view stays where it is; a button counts the new entries.
    const scrolled = new Promise((resolve) => scroller.addEventListener('scroll', resolve, { once: true }));
    scroller.scrollTop = 600;
    await scrolled;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // the list has taken the scroll in: it no longer follows the newest entries
    await waitFor(() => expect(view.container.querySelector('[data-slot="log-search-list"]')).not.toHaveAttribute('data-following'));
    const before = firstVisible(view.container);
    const later = local.executor.command('noisy', { command: 'start', params: {} }).run.id;
    act(() => {
      local.executor.runUntilIdle(600_000);
    });
    const button = await view.findByRole('button', { name: /new entr/ }, slow);
    expect(button.textContent).toMatch(/^\d+ new entries$/);
    const after = view.container.querySelector<HTMLElement>(`[data-entry-id="${before.id}"]`)!;
    expect(Math.abs(after.getBoundingClientRect().top - before.top)).toBeLessThan(1);
    expect(firstVisible(view.container).id).toBe(before.id);
    // The count is announced politely, in a status region, not entry by entry.
    expect(button.closest('[role="status"]')).not.toBeNull();

    await userEvent.setup().click(button);
    await waitFor(() => expect(scroller.scrollTop).toBe(0));
    // the rows of the top are drawn a frame after the scroll
    await waitFor(() => expect(entries(view.container)[0]!.textContent).toContain(later));
    expect(view.container.querySelector('[data-slot="log-search-new-entries"] button')).toBeNull();
    await expectNoAxeViolations(view.container);
  });

  it('live tail keeps at most tailMaxEntries tailed entries, the newest', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 3);
    const view = render(<Search local={local} defaultLiveTail tailIntervalMs={100} tailMaxEntries={4} />);
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(10), slow);
    const loaded = local.executor.searchLogs({ limit: 100 }).items.length;
    const count = () => Number(view.container.querySelector('.rv-log-search__count')?.textContent?.match(/\d+/)?.[0]);
    expect(count()).toBe(loaded);
    for (let i = 0; i < 2; i++) {
      const runId = local.executor.command('noisy', { command: 'start', params: {} }).run.id;
      act(() => {
        local.executor.runUntilIdle(600_000);
      });
      await waitFor(() => expect(entries(view.container)[0]!.textContent).toContain(runId), slow);
    }
    // Two runs added far more than four entries: only the newest four tailed ones stay, above the search's own.
    const newest = local.executor.searchLogs({ limit: 4 }).items;
    expect(newest.every((e) => e.runId === newest[0]!.runId)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(count()).toBe(loaded + 4);
    const shownIds = [...view.container.querySelectorAll<HTMLElement>('[data-entry-id]')].slice(0, 4).map((row) => row.dataset.entryId);
    expect(shownIds).toEqual(newest.map((e) => `${e.runId}:${e.seq}`));
  });

  it('says politely when the live tail fails, keeps retrying, and carries on once the API answers', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 2);
    const base = local.fetchAs();
    let failing = false;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (failing && new Request(input, init).url.includes('/v1/logs')) {
        return new Response(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'The log store is restarting.' }), {
          status: 503,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }
      return base(input, init);
    };
    const view = render(<Search local={local} fetch={fetch} defaultLiveTail tailIntervalMs={100} />);
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(10), slow);
    const shown = entries(view.container).length;
    // The polite region the notice will appear in is there before anything goes wrong (so it is announced).
    const region = view.container.querySelector<HTMLElement>('[data-notice-region]')!;
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
    failing = true;
    const notice = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>('[data-notice="tail-error"]');
      expect(found).not.toBeNull();
      return found!;
    }, slow);
    expect(notice.textContent).toMatch(/Live tail paused: .+\. Retrying…/);
    expect(notice.parentElement).toBe(region);
    // The entries stay; the search itself did not fail.
    expect(entries(view.container).length).toBe(shown);
    expect(view.queryByRole('alert')).toBeNull();
    await expectNoAxeViolations(view.container);

    const runId = local.executor.command('noisy', { command: 'start', params: {} }).run.id;
    act(() => {
      local.executor.runUntilIdle(600_000);
    });
    failing = false;
    await waitFor(() => expect(entries(view.container)[0]!.textContent).toContain(runId), slow);
    expect(view.container.querySelector('[data-notice="tail-error"]')).toBeNull();
  });

  it('works from the keyboard: filters, moving between entries, opening one to its data', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 4);
    const user = userEvent.setup();
    const view = render(<Search local={local} />);
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(10), slow);

    // Tab to the first severity toggle and press it with Space.
    await user.tab();
    expect(document.activeElement).toBe(view.getByRole('button', { name: 'Debug' }));
    await user.keyboard(' ');
    expect(view.getByRole('button', { name: 'Debug' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(entries(view.container).every((row) => row.dataset.severity === 'debug')).toBe(true), slow);
    await user.keyboard(' ');
    await waitFor(() => expect(entries(view.container).some((row) => row.dataset.severity !== 'debug')).toBe(true), slow);

    // Into the list: arrow keys move between entries' buttons; Enter opens one to its data.
    const toggles = () => [...view.container.querySelectorAll<HTMLElement>('[data-entry-toggle]')];
    toggles()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(toggles()[1]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(toggles()[0]);
    await user.keyboard('{Enter}');
    expect(toggles()[0]!.getAttribute('aria-expanded')).toBe('true');
    const details = view.container.querySelector<HTMLElement>('[data-slot="log-search-entry-details"]')!;
    expect(details).not.toBeNull();
    expect(toggles()[0]!.getAttribute('aria-controls')).toBe(details.id);
    // The open entry is measured: the next one moves down below its data, and back up when it closes.
    const gap = () => {
      const [a, b] = [0, 1].map((i) => view.container.querySelector(`[data-index="${i}"]`)!.getBoundingClientRect().top);
      return b! - a!;
    };
    await waitFor(() => expect(gap()).toBeGreaterThan(60));
    await user.keyboard('{Enter}');
    expect(toggles()[0]!.getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(gap()).toBe(36));
    // End goes to the last loaded entry, scrolling it into view.
    await user.keyboard('{End}');
    const last = local.executor.searchLogs({ limit: 100 }).items.length;
    await waitFor(() => expect(document.activeElement?.closest('[data-index]')?.getAttribute('data-index')).toBe(String(last - 1)));
    await expectNoAxeViolations(view.container);
  });

  it('cuts an enormous message in its row; the open entry shows a wrapping box of it with Copy for all of it', async () => {
    const huge = `Payload dump ${'0123456789abcdef'.repeat(64 * 1024)} end`;
    const chatty: WorkflowDefinition = {
      id: 'chatty',
      name: 'Chatty',
      nodes: [{ id: 'dump', name: 'Dump', kind: 'task', config: { durationMs: 100, jitter: 0, logs: [{ severity: 'info', message: huge }] } }],
      edges: [],
    };
    const local = localExecutor([chatty]);
    runMany(local, 1, 'chatty');
    const view = render(<Search local={local} />);
    const row = await waitFor(() => {
      const found = entries(view.container).find((r) => r.textContent?.includes('Payload dump'));
      expect(found).toBeDefined();
      return found!;
    }, slow);
    const message = row.querySelector<HTMLElement>('.rv-log-entry__message')!;
    expect(message.textContent.length).toBeLessThanOrEqual(301);
    expect(message.textContent.endsWith('…')).toBe(true);
    expect(message.title.length).toBeLessThanOrEqual(4_001);
    const toggle = row.querySelector<HTMLElement>('[data-entry-toggle]')!;
    expect(toggle.getAttribute('aria-label')!.length).toBeLessThan(100);
    await userEvent.setup().click(toggle);
    const full = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>('[data-slot="log-search-entry-message"]');
      expect(found).not.toBeNull();
      return found!;
    });
    // Shown in a wrapping box up to its limit, with how much more there is and Copy for all of it.
    expect(full.textContent).toContain(huge.slice(0, 4_000));
    expect(full.textContent.length).toBeLessThan(4_200);
    expect(within(full).getByRole('button', { name: /Copy/ })).toBeTruthy();
    await expectNoAxeViolations(view.container);
  });

  it('says the set size is unknown while older pages exist, and gives it once all are loaded', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 2);
    const total = local.executor.searchLogs({ limit: 500 }).items.length;
    const view = render(<Search local={local} pageSize={5} />);
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(0), slow);
    const sizes = () => [...view.container.querySelectorAll<HTMLElement>('[role="listitem"]')].map((item) => item.getAttribute('aria-setsize'));
    expect(view.container.querySelector('[data-slot="log-search-footer"]')?.getAttribute('data-state')).not.toBe('end');
    expect(sizes().every((size) => size === '-1')).toBe(true);
    // Page to the end with the footer's button until no older entries remain.
    const user = userEvent.setup();
    for (let i = 0; i < 20; i++) {
      const footer = view.container.querySelector<HTMLElement>('[data-slot="log-search-footer"]')!;
      if (footer.getAttribute('data-state') === 'end') break;
      const button = within(footer).queryByRole('button', { name: 'Load older entries' });
      if (button) await user.click(button);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => expect(view.container.querySelector('[data-slot="log-search-footer"]')?.getAttribute('data-state')).toBe('end'), slow);
    expect(sizes().length).toBeGreaterThan(0);
    expect(sizes().every((size) => size === String(total))).toBe(true);
  });

  it('contains an API failure: a message with Try again, the rest of the page untouched', async () => {
    const local = localExecutor([noisy]);
    runMany(local, 2);
    let failing = true;
    const base = local.fetchAs();
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new Request(input, init).url;
      if (failing && url.includes('/v1/logs')) {
        return new Response(JSON.stringify({ type: 'about:blank', title: 'Internal error', status: 500, detail: 'The log store is down.' }), {
          status: 500,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }
      return base(input, init);
    };
    const view = render(
      <div>
        <h1>Host page</h1>
        <Search local={local} fetch={fetch} />
      </div>,
    );
    const alert = await view.findByRole('alert', {}, slow);
    expect(alert.closest('[data-slot="log-search"]')?.getAttribute('data-state')).toBe('error');
    expect(alert.textContent).toContain('Could not load the log');
    expect(view.getByRole('heading', { name: 'Host page' })).toBeTruthy();
    await expectNoAxeViolations(view.container);
    failing = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(entries(view.container).length).toBeGreaterThan(3), slow);
    expect(view.queryByRole('alert')).toBeNull();
  });
});
