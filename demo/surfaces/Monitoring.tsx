import { RunList } from '../../src';
import type { Surface } from './types';

function MonitoringPage() {
  return <RunList />;
}

export const monitoringSurface: Surface = {
  id: 'monitoring',
  title: 'Monitoring',
  summary: '',
  behaviours: [],
  recipe: 'monitoring.md',
  Page: MonitoringPage,
};
