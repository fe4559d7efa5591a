import '../../styles/styles.css';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { RunViewsProvider } from '../../hooks/RunViewsProvider.js';
import { CopyButton } from './CopyButton.js';
import { DataSection } from './DataSection.js';
import { Duration } from './Duration.js';
import { LinkOut } from './LinkOut.js';
import { RelativeTime } from './RelativeTime.js';
import { StatusBadge } from './StatusBadge.js';
import { expectNoAxeViolations, recordClipboard } from '../testing/a11y.js';

const client = { baseUrl: 'http://api.test' };

describe('shared parts', () => {
  it('StatusBadge: icon + text label + data-status, labels from the provider preset', async () => {
    const { container } = render(
      <div>
        <StatusBadge status="failed" className="mine" />
        <StatusBadge status="skipped" reason="branch_not_taken" />
        <StatusBadge kind="run" status="canceled" reason="operator_stop" />
        <StatusBadge status="running" variant="icon" />
      </div>,
    );
    await expectNoAxeViolations(container);
    const badges = [...container.querySelectorAll('.rv-status')];
    expect(badges.map((b) => [b.getAttribute('data-status'), b.textContent])).toEqual([
      ['failed', 'Failed'],
      ['skipped', expect.stringMatching(/Skipped/)],
      ['canceled', 'Stopped'],
      ['running', 'Running'],
    ]);
    expect(badges[0]!.classList.contains('mine')).toBe(true);
    expect(badges.every((b) => b.querySelector('svg[aria-hidden="true"]'))).toBe(true);
    // icon-only keeps the label for assistive technology
    expect(badges[3]!.querySelector('.rv-visually-hidden')!.textContent).toBe('Running');

    const { container: upper } = render(
      <RunViewsProvider client={client} labelPreset="uppercase">
        <StatusBadge status="succeeded" />
      </RunViewsProvider>,
    );
    expect(upper.textContent).toBe('SUCCEEDED');
  });

  it('Duration and RelativeTime honour locale and time zone', async () => {
    const now = () => Date.parse('2026-11-21T10:00:00Z');
    const { container } = render(
      <RunViewsProvider client={client} locale="de-DE" timeZone="Asia/Tokyo" now={now}>
        <Duration ms={1250} />
        <RelativeTime time="2026-11-21T09:57:00Z" />
        <RelativeTime time="not a time" />
      </RunViewsProvider>,
    );
    await expectNoAxeViolations(container);
    expect(container.querySelector('.rv-duration')!.textContent).toBe('1,3 s');
    const time = container.querySelector('time')!;
    expect(time.textContent).toBe('vor 3 Minuten');
    expect(time.getAttribute('dateTime')).toBe('2026-11-21T09:57:00Z');
    expect(time.title).toContain('18:57'); // Tokyo is UTC+9
    expect(container.querySelectorAll('.rv-time')[1]!.textContent).toBe('—');
  });

  it('CopyButton copies and shows "Copied" visibly and to screen readers', async () => {
    const written = recordClipboard();
    const { container } = render(<CopyButton value="https://x.test" what="URL" className="host" />);
    await expectNoAxeViolations(container);
    const button = screen.getByRole('button', { name: 'Copy URL' });
    expect(button.classList.contains('host')).toBe(true);
    await userEvent.click(button);
    expect(written).toEqual(['https://x.test']);
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('CopyButton says so when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => { throw new Error('denied'); } } });
    render(<CopyButton value="x" />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status').textContent).toBe('Copy failed');
  });

  it('DataSection: collapsible, UI tree or Raw text, controllable, keyboard operable', async () => {
    const views: string[] = [];
    const { container } = render(
      <DataSection title="Output" data={{ ok: true, n: [1, 2] }} raw='{"ok":true,"n":[1,2]}' onViewChange={(v) => views.push(v)} className="host" />,
    );
    await expectNoAxeViolations(container);
    const trigger = screen.getByRole('button', { name: 'Output' });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('.rv-section.host .rv-json')).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(container.querySelector('pre.rv-raw')!.textContent).toBe('{"ok":true,"n":[1,2]}');
    expect(views).toEqual(['raw']);
    await expectNoAxeViolations(container);
  });

  it('themes: dark tokens apply under data-rv-theme="dark" and text keeps AA contrast', async () => {
    const { container } = render(
      <div>
        <div data-rv-theme="light"><StatusBadge status="rejected" /></div>
        <div data-rv-theme="dark" className="rv-root"><StatusBadge status="rejected" /></div>
      </div>,
    );
    await expectNoAxeViolations(container);
    const [light, dark] = [...container.querySelectorAll('.rv-status')].map((el) => getComputedStyle(el).color);
    expect(light).not.toBe(dark);
  });
});

describe('LinkOut', () => {
  it('is a real link with an href: a plain click calls onOpen, a modified or middle click is left to the browser', async () => {
    const onOpen = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <LinkOut href="/runs/r_1" onOpen={onOpen} label="Open run r_1" data={{ 'data-run-link': 'r_1' }}>
        r_1
      </LinkOut>,
    );
    const link = screen.getByRole('link', { name: 'Open run r_1' });
    expect(link.getAttribute('href')).toBe('/runs/r_1');
    expect(link.getAttribute('data-run-link')).toBe('r_1');
    await userEvent.click(link);
    expect(onOpen).toHaveBeenCalledTimes(1);
    // (each event is cancelled after LinkOut saw it, so the test page does not navigate)
    const stay = (event: Event) => event.preventDefault();
    document.addEventListener('click', stay);
    try {
      for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey']) fireEvent.click(link, { [modifier]: true });
      fireEvent.click(link, { button: 1 });
    } finally {
      document.removeEventListener('click', stay);
    }
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('is a button with only a callback, and plain text with neither (no name promising an action)', async () => {
    const onOpen = vi.fn();
    const { rerender, container } = render(
      <LinkOut onOpen={onOpen} label="Open run r_2">
        r_2
      </LinkOut>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open run r_2' }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    rerender(<LinkOut label="Open run r_2">r_2</LinkOut>);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    const code = container.querySelector('code')!;
    expect(code.textContent).toBe('r_2');
    expect(code.hasAttribute('aria-label')).toBe(false);
    await expectNoAxeViolations(container);
  });
});

