import { RunList } from '../../src';
import type { Surface } from './types';

function OperationsPage() {
  return <RunList />;
}

export const operationsSurface: Surface = {
  id: 'operations',
  title: 'Workflow runs and command center',
  summary: '',
  behaviours: [],
  recipe: 'operations.md',
  Page: OperationsPage,
};
