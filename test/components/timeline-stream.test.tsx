// @vitest-environment jsdom
/** The connected timeline in stream mode: a stream that gave up is reported, and Try again reconnects it. */
import { fireEvent, render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StepTimeline } from '../../src';
import { sleep, setupHarness } from '../hooks/harness';
import { quickFlow } from '../hooks/workflows';

const h = setupHarness({ workflows: [quickFlow] });

describe('StepTimeline live="stream"', () => {
  it('shows a refused stream, and Try again reconnects it and clears the banner', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    const restore = h.tamper(async (request, response) => {
      if (new URL(request.url).pathname.endsWith('/stream')) {
        const problem = { title: 'Forbidden', status: 403, code: 'forbidden', detail: 'Token expired.' };
        return new Response(JSON.stringify(problem), { status: 403, headers: { 'content-type': 'application/problem+json' } });
      }
      return response;
    });
    const Wrapper = h.wrapper;
    const { container } = render(
      <Wrapper>
        <StepTimeline workflowId="wf_quick" runId={started.id} live="stream" />
      </Wrapper>,
    );
    await waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());
    restore();
    const streamsBefore = h.requestsTo('/stream').length;
    fireEvent.click(container.querySelector('[role="alert"] button')!);
    await waitFor(() => expect(h.requestsTo('/stream').length).toBeGreaterThan(streamsBefore));
    await waitFor(() => expect(container.querySelector('[role="alert"]')).toBeNull());
  });

  it('does not raise an alert while the stream reconnects after a clean cut', async () => {
    const started = await h.client.command('wf_quick', { command: 'start' });
    h.mock.advance(2_500);
    let cuts = 0;
    const restore = h.tamper(async (request, response) => {
      if (new URL(request.url).pathname.endsWith('/stream') && cuts < 2) {
        cuts++;
        // An open stream that ends at once, as an idle proxy would cut it.
        return new Response('', { status: 200, headers: { 'content-type': 'text/event-stream' } });
      }
      return response;
    });
    const Wrapper = h.wrapper;
    const { container } = render(
      <Wrapper>
        <StepTimeline workflowId="wf_quick" runId={started.id} live="stream" />
      </Wrapper>,
    );
    await waitFor(() => expect(container.querySelector('[role="tree"]')).not.toBeNull());
    for (let i = 0; i < 30; i++) {
      expect(container.querySelector('[role="alert"]')).toBeNull();
      await sleep(100);
    }
    expect(cuts).toBe(2);
    restore();
  });
});
