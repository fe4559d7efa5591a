import { itemRunsSurface } from './ItemRuns';
import { monitoringSurface } from './Monitoring';
import { operationsSurface } from './Operations';
import { runCardsSurface } from './RunCards';
import { runHistorySurface } from './RunHistory';
import type { Surface } from './types';

export type { Surface } from './types';

/** The five product surfaces, in the order the home page lists them. */
export const SURFACES: readonly Surface[] = [itemRunsSurface, runHistorySurface, monitoringSurface, runCardsSurface, operationsSurface];
