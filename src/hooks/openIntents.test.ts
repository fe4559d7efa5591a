import { describe, expect, it } from 'vitest';
import { createOpenIntents, intentId } from './openIntents.js';

describe('createOpenIntents', () => {
  it('joins a call in flight, keeps the key until an attempt settles, then starts a new intent', async () => {
    const intents = createOpenIntents<string>();
    const keys: string[] = [];
    let answer = 'lost';
    const send = async (key: string) => {
      keys.push(key);
      await Promise.resolve();
      return answer;
    };
    const settles = (result: string) => result === 'ok';

    const first = intents.run('pause:run_1', send, settles);
    expect(intents.run('pause:run_1', send, settles)).toBe(first); // joined: no second send
    expect(intents.inFlight('pause:run_1')).toBe(first);
    expect(await first).toBe('lost');
    expect(intents.inFlight('pause:run_1')).toBeNull();

    answer = 'ok';
    await intents.run('pause:run_1', send, settles); // the retry of an open intent
    await intents.run('pause:run_1', send, settles); // a new intent
    await intents.run('resume:run_1', send, settles); // another intent altogether
    expect(keys).toHaveLength(4);
    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys).size).toBe(3);
  });

  it('keeps the intent open when the attempt throws, and passes the error on', async () => {
    const intents = createOpenIntents<number>();
    const keys: string[] = [];
    const failing = (key: string) => {
      keys.push(key);
      throw new Error('boom');
    };
    await expect(intents.run('x', failing, () => true)).rejects.toThrow('boom');
    await expect(intents.run('x', async (key) => (keys.push(key), 1), () => true)).resolves.toBe(1);
    expect(keys[1]).toBe(keys[0]);
  });

  it('names intents by their parts; unserializable parts make each call its own intent', () => {
    expect(intentId('pause', 'wf', 'run_1', null)).toBe(intentId('pause', 'wf', 'run_1', null));
    expect(intentId('pause', 'wf', 'run_1')).not.toBe(intentId('resume', 'wf', 'run_1'));
    expect(intentId(1n)).not.toBe(intentId(1n));
  });
});
