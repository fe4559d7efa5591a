/** The layer rule for engine adapters: they import src/api and src/core only, and nothing else in src imports them. */
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../scripts/layers';

describe('adapter layer rule', () => {
  it('allows api, core and valibot; refuses hooks, components, mock-server and React', () => {
    const ok = checkLayers([
      { path: 'src/adapters/temporal/client.ts', source: "import { RunApiError } from '../../api/errors.js';\nimport { fitChunk } from '../../core/x.js';\nimport * as v from 'valibot';" },
    ]);
    expect(ok).toEqual([]);
    const bad = checkLayers([
      { path: 'src/adapters/temporal/client.ts', source: "import { useRun } from '../../hooks/useRun.js';\nimport { RunList } from '../../components/RunList/RunList.js';\nimport { useState } from 'react';\nimport { createExecutor } from '../../../mock-server/index.js';" },
    ]);
    expect(bad.map((violation) => violation.specifier)).toEqual([
      '../../hooks/useRun.js',
      '../../components/RunList/RunList.js',
      'react',
      '../../../mock-server/index.js',
    ]);
  });

  it('keeps adapters out of the other layers', () => {
    const bad = checkLayers([{ path: 'src/hooks/useRun.ts', source: "import { createTemporalRunClient } from '../adapters/temporal/index.js';" }]);
    expect(bad).toHaveLength(1);
    expect(bad[0]?.rule).toMatch(/adapters/);
  });
});
