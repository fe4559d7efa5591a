/**
 * The demo's shell: the home page lists the five surfaces with what each shows, the header reaches every page
 * by keyboard, each page says what it shows and where its recipe is, a page's own state does not leak into the
 * next, the theme switches, and the executor can be moved ahead.
 */
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
// Real key presses (Chromium's own activation of links and <summary>), for the keyboard-only walk.
import { userEvent as keys } from 'vitest/browser';
import '../../src/styles/styles.css';
import '../../demo/demo.css';
import { createExecutor } from '../../mock-server/index.js';
import { Shell } from '../../demo/App.js';
import { MemoryRouter, useRouter } from '../../demo/router.js';
import { SURFACES } from '../../demo/surfaces/index.js';
import { expectNoAxeViolations } from '../../src/components/testing/a11y.js';
import { serveLocally } from '../fixtures/localExecutor.js';

/** The router's parameters as last rendered. */
const seenRef: { current: URLSearchParams } = { current: new URLSearchParams() };
function Spy() {
  const { params } = useRouter();
  useEffect(() => {
    seenRef.current = params;
  }, [params]);
  return null;
}

function setup(initial = '') {
  const executor = createExecutor({ clock: 'virtual', scenario: 'empty' });
  const local = serveLocally(executor);
  const view = render(
    <MemoryRouter initial={initial}>
      <Spy />
      <Shell client={{ baseUrl: local.baseUrl, fetch: local.fetchAs('ops@example.com') }} scenario="empty" speed={4} executor={executor} />
    </MemoryRouter>,
  );
  return { ...view, executor };
}

describe('demo shell', () => {
  it('lists the five surfaces with what each shows, and is accessible in light and dark', async () => {
    const { container } = setup('theme=light');
    const home = screen.getByRole('heading', { level: 2, name: /five run views/i }).parentElement!;
    const cards = within(home).getAllByRole('listitem').filter((li) => li.classList.contains('demo-home__card'));
    expect(cards).toHaveLength(5);
    for (const [i, surface] of SURFACES.entries()) {
      expect(surface.summary.length).toBeGreaterThan(20);
      expect(surface.behaviours.length).toBeGreaterThanOrEqual(5);
      expect(within(cards[i]!).getByRole('link', { name: surface.title })).toBeTruthy();
      expect(cards[i]!.textContent).toContain(surface.behaviours[0]);
    }
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(container.querySelector('.demo')!.getAttribute('data-rv-theme')).toBe('dark');
    expect(seenRef.current.get('theme')).toBe('dark');
    await expectNoAxeViolations(container);
  });

  it('reaches every page by keyboard; each says what it shows and where its recipe is', async () => {
    setup();
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    for (const surface of SURFACES) {
      const link = within(nav).getByRole('link', { name: surface.title });
      link.focus();
      await keys.keyboard('{Enter}');
      await waitFor(() => expect(link.getAttribute('aria-current')).toBe('page'));
      expect(seenRef.current.get('page')).toBe(surface.id);
      const about = screen.getByText(`What this page shows (${surface.behaviours.length})`).closest('details')!;
      expect(about.open).toBe(false);
      (about.querySelector('summary') as HTMLElement).focus();
      await keys.keyboard('{Enter}');
      await waitFor(() => expect(about.open).toBe(true));
      expect(seenRef.current.get('about')).toBe('1');
      expect(within(about).getAllByRole('listitem').length).toBeGreaterThanOrEqual(surface.behaviours.length);
      expect(within(about).getByRole('link', { name: `docs/recipes/${surface.recipe}` })).toBeTruthy();
      // The page rendered its own heading under the shell's.
      expect(document.querySelector(`[data-surface="${surface.id}"] h2`)).not.toBeNull();
    }
  });

  it("does not carry one page's state to the next, keeps the executor's settings, and moves time on", async () => {
    const { executor } = setup('page=monitoring&run=r_123&workflow=w_1&about=1');
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    await userEvent.click(within(nav).getByRole('link', { name: SURFACES[0]!.title }));
    expect(seenRef.current.get('page')).toBe(SURFACES[0]!.id);
    expect(seenRef.current.get('run')).toBeNull();
    expect(seenRef.current.get('about')).toBeNull();
    expect(seenRef.current.get('scenario')).toBe('empty');
    expect(seenRef.current.get('speed')).toBe('4');
    const before = executor.now();
    await act(async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Skip 1 min' }));
    });
    expect(executor.now() - before).toBe(60_000);
    await userEvent.click(screen.getByRole('link', { name: 'react-run-views' }));
    expect(seenRef.current.get('page')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: /five run views/i })).toBeTruthy();
  });

  it('keeps both of two navigations made in one event', async () => {
    function Twice() {
      const { navigate } = useRouter();
      return (
        <button
          type="button"
          onClick={() => {
            navigate({ run: 'r_1' });
            navigate({ tab: 'events' });
          }}
        >
          Open
        </button>
      );
    }
    render(
      <MemoryRouter initial="page=monitoring">
        <Spy />
        <Twice />
      </MemoryRouter>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(seenRef.current.toString()).toBe('page=monitoring&run=r_1&tab=events');
  });
});

