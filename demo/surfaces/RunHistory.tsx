import { RunList } from '../../src';
import type { Surface } from './types';

function RunHistoryPage() {
  return <RunList />;
}

export const runHistorySurface: Surface = {
  id: 'history',
  title: 'Workspace run history',
  summary: '',
  behaviours: [],
  recipe: 'run-history.md',
  Page: RunHistoryPage,
};
