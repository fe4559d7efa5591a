/** One row per client method: what it must send, what it gets back, how it can fail (test-only). */
import type { Run } from '../types.js';
import { IDS, type Ids, type MethodCase } from './caseTypes.js';
import { READ_CASES } from './readCases.js';
import { WRITE_CASES } from './writeCases.js';

export { IDS, type Ids, type MethodCase };

export const CASES: MethodCase[] = [...READ_CASES, ...WRITE_CASES];

export const queryOf = (c: MethodCase, ids: Ids) => (typeof c.query === 'function' ? c.query(ids) : c.query);

/** Whether the method puts ids in its path. */
export const takesIds = (c: MethodCase) => c.segments(IDS).some((segment) => Object.values(IDS).includes(segment));

/** What a method resolves to for an answer body. */
export const expectedResult = (c: MethodCase, body: unknown): unknown => (c.unwrap ? (body as { run: Run }).run : body);
