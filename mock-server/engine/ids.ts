/**
 * Identifiers. Run ids are a seeded, invertible scramble of the run's ordinal, so they look random,
 * never collide, and map back to the ordinal without a lookup table (100 000 archived runs need none).
 */

const MUL = 0x2545f491;
const MUL_INV = inverseOdd(MUL);
const WIDTH = 7; // 36^7 > 2^32

function inverseOdd(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}

function scramble(n: number, mask: number): number {
  let x = (n ^ mask) >>> 0;
  x = Math.imul(x, MUL) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  return x;
}

function unscramble(x: number, mask: number): number {
  let y = (x ^ (x >>> 15) ^ (x >>> 30)) >>> 0;
  y = Math.imul(y, MUL_INV) >>> 0;
  return (y ^ mask) >>> 0;
}

export class RunIds {
  constructor(private readonly mask: number) {}

  idOf(ordinal: number): string {
    return `run_${scramble(ordinal, this.mask).toString(36).padStart(WIDTH, '0')}`;
  }

  /** The ordinal a run id stands for, or null when it is not one of ours. */
  ordinalOf(id: string): number | null {
    if (typeof id !== 'string' || id.length !== 4 + WIDTH || !id.startsWith('run_')) return null;
    const code = id.slice(4);
    if (!/^[0-9a-z]+$/.test(code)) return null;
    const value = parseInt(code, 36);
    if (!Number.isSafeInteger(value) || value > 0xffffffff) return null;
    const ordinal = unscramble(value, this.mask);
    return this.idOf(ordinal) === id ? ordinal : null;
  }
}

/** Step ids: the run's code plus the step's order, so they sort within a run and never collide across runs. */
export function stepId(runId: string, order: number): string {
  return `stp_${runId.slice(4)}_${order.toString(36).padStart(3, '0')}`;
}

export function prefixedId(prefix: string, n: number, mask: number): string {
  return `${prefix}_${scramble(n, mask).toString(36).padStart(WIDTH, '0')}`;
}

let lastMs = NaN;
let lastIso = '';

/** ISO-8601 UTC text of a virtual time (many events share one instant: the last answer is reused). */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}
