import { RunList } from '../../src';
import type { Surface } from './types';

function RunCardsPage() {
  return <RunList />;
}

export const runCardsSurface: Surface = {
  id: 'cards',
  title: 'Run cards',
  summary: '',
  behaviours: [],
  recipe: 'run-cards.md',
  Page: RunCardsPage,
};
