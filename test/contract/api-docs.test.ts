/**
 * docs/api/README.md is generated from openapi/openapi.yaml; this fails when the spec changed and the
 * reference was not regenerated (`npx tsx scripts/gen-api-docs.ts`), or when the file was edited by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiDocs, renderApiDocs } from '../../scripts/gen-api-docs';
import { loadOpenApiDocument } from './openapi-document';

const committed = readFileSync(new URL('../../docs/api/README.md', import.meta.url), 'utf8');

describe('docs/api/README.md', () => {
  it('is exactly what scripts/gen-api-docs.ts generates from the spec', () => {
    // Compared as a whole so that any stale line fails; regenerate with `npx tsx scripts/gen-api-docs.ts`.
    expect(committed === generateApiDocs(), 'docs/api/README.md is out of date: run `npx tsx scripts/gen-api-docs.ts`').toBe(true);
  });

  it('lists every operation with its parameters, responses and error codes', () => {
    const doc = loadOpenApiDocument();
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item)) {
        expect(committed).toContain(`<a id="op-${String(operation.operationId).toLowerCase()}"></a>${String(operation.operationId)}`);
      }
    }
    expect(committed).toContain('| `Idempotency-Key` | header |');
    expect(committed).toContain('| 409 | `approval_already_decided` |');
    expect(committed).toContain('| 401 | `stale_signature` |');
    expect(committed).toContain('| `nextOffset` | integer ≥ 0 | null | yes |'.replace(' | null', ' \\| null'));
  });

  it('follows the spec: a changed summary changes the page', () => {
    const doc = structuredClone(loadOpenApiDocument());
    doc.paths['/v1/runs']!.get!.summary = 'A different summary';
    const changed = renderApiDocs(doc);
    expect(changed).not.toBe(committed);
    expect(changed).toContain('| GET | `/v1/runs` | [`listRuns`](#op-listruns) | A different summary |');
  });
});
