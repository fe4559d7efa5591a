import { describe, expect, it } from 'vitest';
import { checkLayers, importsOf } from './layers';

const f = (path: string, source: string) => ({ path, source });

describe('layer check', () => {
  it('finds static, type-only, re-export and dynamic imports', () => {
    expect(importsOf(`import a from 'x';\nimport type { B } from "../y";\nexport * from './z';\nconst m = await import('w');\nimport './side.css';`))
      .toEqual(['x', '../y', './z', 'w', './side.css']);
  });

  it('accepts imports that point down the layers', () => {
    expect(
      checkLayers([
        f('src/core/tree.ts', `import type { Step } from '../api/types';`),
        f('src/hooks/useRun.ts', `import { useQuery } from '@tanstack/react-query';\nimport { applyEvents } from '../core';\nimport { useState } from 'react';`),
        f('src/components/StepTimeline/StepTimeline.tsx', `import { useRun } from '../../hooks';\nimport * as C from '@radix-ui/react-collapsible';`),
        f('mock-server/engine/run.ts', `import { canTransition } from '../../src/api/status';`),
      ]),
    ).toEqual([]);
  });

  it('rejects an upward import, React in core, and src importing the mock server', () => {
    const v = checkLayers([
      f('src/api/client.ts', `import { buildStepTree } from '../core/tree';`),
      f('src/core/tree.ts', `import { useMemo } from 'react';`),
      f('src/hooks/useRun.ts', `import { createExecutor } from '../../mock-server/engine';`),
      f('mock-server/engine/x.ts', `import { buildStepTree } from '../../src/core/tree';`),
    ]);
    expect(v.map((x) => x.file)).toEqual(['src/api/client.ts', 'src/core/tree.ts', 'src/hooks/useRun.ts', 'mock-server/engine/x.ts']);
  });

  it('treats test helpers as tests, and keeps shipped code from importing them', () => {
    expect(checkLayers([f('src/core/testing/arbitraries.ts', `import fc from 'fast-check';`)])).toEqual([]);
    expect(checkLayers([f('mock-server/engine/testGraphs.ts', `import fc from 'fast-check';`)])).toEqual([]);
    const v = checkLayers([f('src/core/tree.ts', `import { arbitrarySteps } from './testing/arbitraries';`)]);
    expect(v).toEqual([expect.objectContaining({ rule: 'shipped code must not import test support' })]);
  });

  it('lets tests import anything', () => {
    expect(checkLayers([f('src/hooks/useRun.test.tsx', `import { createNodeMock } from '../../mock-server/node';`)])).toEqual([]);
  });
});
