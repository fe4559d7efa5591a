import { RunList } from '../../src';
import type { Surface } from './types';

function ItemRunsPage() {
  return <RunList />;
}

export const itemRunsSurface: Surface = {
  id: 'item-runs',
  title: 'Runs of one item',
  summary: '',
  behaviours: [],
  recipe: 'item-runs.md',
  Page: ItemRunsPage,
};
