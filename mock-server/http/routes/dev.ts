/** Reference-executor-only control for development: moving the clock of a running server (`advanceMs: 0` reads it). */
import { parseClock, readJson } from '../bodies.js';
import { json } from '../respond.js';
import { post, type Route } from '../route.js';

export const devRoutes: Route[] = [
  post('/v1/_dev/clock', 'advanceClock', async ({ executor, request }) => {
    const { advanceMs } = parseClock(await readJson(request));
    executor.advance(advanceMs);
    return json({ now: new Date(executor.now()).toISOString() });
  }),
];
