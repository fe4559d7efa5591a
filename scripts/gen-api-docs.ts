/**
 * Generates docs/api/README.md, the human-readable reference of the run API, from openapi/openapi.yaml.
 *
 *   npx tsx scripts/gen-api-docs.ts          writes docs/api/README.md
 *   npx tsx scripts/gen-api-docs.ts --check  exits 1 when the committed file is out of date
 *
 * `renderApiDocs` is pure (document in, markdown out) so a test can compare it with the committed file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return --
   The document is walked as untyped YAML: `redocly lint` checks its shape, and test/contract/api-docs.test.ts
   compares the output with the committed page. */
type Node = { [key: string]: any };

const SPEC = fileURLToPath(new URL('../openapi/openapi.yaml', import.meta.url));
const OUT = fileURLToPath(new URL('../docs/api/README.md', import.meta.url));
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Reads openapi/openapi.yaml and renders it. */
export function generateApiDocs(specPath = SPEC): string {
  return renderApiDocs(parse(readFileSync(specPath, 'utf8')) as Node);
}

/** Renders an OpenAPI 3.1 document as one markdown page: endpoint and resource tables, then every operation. */
export function renderApiDocs(doc: Node): string {
  const deref = (node: Node): Node => (node?.$ref ? deref(lookup(doc, node.$ref)) : node);
  const operations = listOperations(doc);
  const schemas: Record<string, Node> = doc.components?.schemas ?? {};
  const groups = groupSchemas(doc, schemas);
  const out: string[] = [
    '<!-- Generated from openapi/openapi.yaml by scripts/gen-api-docs.ts. Do not edit: run `npx tsx scripts/gen-api-docs.ts`. -->',
    '',
    `# ${doc.info.title} ${doc.info.version}`,
    '',
    doc.info.summary ?? '',
    '',
    doc.info.description.trim(),
    '',
    '## Servers and authentication',
    '',
    ...(doc.servers ?? []).map((server: Node) => `- \`${server.url}\`: ${server.description ?? ''}`),
    ...Object.entries(doc.components?.securitySchemes ?? {}).map(
      ([name, scheme]) => `- \`${name}\` (${(scheme as Node).type}): ${oneLine((scheme as Node).description)}`,
    ),
    '',
    '## Endpoints',
    '',
    '| Method | Path | Operation | Summary |',
    '|---|---|---|---|',
    ...operations.map(({ method, path, op }) => row([method.toUpperCase(), code(path), `[\`${op.operationId}\`](#${opAnchor(op.operationId)})`, op.summary])),
    '',
    '## Resources',
    '',
    '| Resource | Description |',
    '|---|---|',
    ...groups.resources.map((name) => row([schemaLink(name), oneLine(schemas[name]!.description)])),
    '',
    'Enumerations: ' + groups.enums.map(schemaLink).join(', ') + '.',
    '',
    'Request bodies: ' + groups.requests.map(schemaLink).join(', ') + '.',
    '',
    '## Operations',
  ];
  for (const { method, path, op } of operations) out.push('', ...renderOperation(doc, deref, method, path, op));
  out.push('', '## Schemas');
  for (const name of [...groups.resources, ...groups.requests, ...groups.enums]) {
    out.push('', ...renderSchema(doc, name, schemas[name]!));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function renderOperation(doc: Node, deref: (node: Node) => Node, method: string, path: string, op: Node): string[] {
  const lines = [`### <a id="${opAnchor(op.operationId)}"></a>${op.operationId}`, '', `\`${method.toUpperCase()} ${path}\` — ${op.summary} (${(op.tags ?? []).join(', ')})`, '', op.description.trim()];
  const security = op.security ?? doc.security;
  if (op.security) lines.push('', `Security: ${security.map((item: Node) => Object.keys(item).map(code).join(' + ') || 'none').join(' or ')}.`);
  const parameters = (op.parameters ?? []).map(deref);
  if (parameters.length > 0) {
    lines.push('', '**Parameters**', '', '| Name | In | Type | Required | Description |', '|---|---|---|---|---|');
    for (const p of parameters) lines.push(row([code(p.name), p.in, typeOf(doc, p.schema), p.required ? 'yes' : 'no', oneLine(p.description)]));
  }
  if (op.requestBody) {
    const body = deref(op.requestBody);
    lines.push('', `**Request body** (${body.required ? 'required' : 'optional'})`, '');
    for (const [type, media] of Object.entries<Node>(body.content)) {
      lines.push(`- \`${type}\`: ${typeOf(doc, media.schema)}${media.schema.description && !media.schema.$ref ? ` — ${oneLine(media.schema.description)}` : ''}`);
      const [first] = Object.values<Node>(media.examples ?? {});
      if (first) lines.push('', `  Example (${deref(first).summary ?? 'request'}):`, '', '  ```json', ...JSON.stringify(deref(first).value, null, 2).split('\n').map((l) => `  ${l}`), '  ```');
    }
  }
  const errors: string[][] = [];
  lines.push('', '**Responses**', '', '| Status | Content type | Body | Description |', '|---|---|---|---|');
  for (const [status, raw] of Object.entries<Node>(op.responses)) {
    const response = deref(raw);
    const headers = Object.keys(response.headers ?? {});
    const description = oneLine(response.description) + (headers.length ? ` Headers: ${headers.map(code).join(', ')}.` : '');
    for (const [type, media] of Object.entries<Node>(response.content ?? { '—': {} })) {
      lines.push(row([status, type === '—' ? '—' : code(type), media.schema ? typeOf(doc, media.schema) : '—', description]));
      if (!type.includes('problem')) continue;
      for (const example of Object.values<Node>(media.examples ?? {}).map(deref)) {
        errors.push([status, code(example.value.code), oneLine(example.summary)]);
      }
    }
  }
  if (errors.length > 0) {
    lines.push('', '**Error codes**', '', '| Status | Code | When |', '|---|---|---|', ...errors.map(row));
  }
  return lines;
}

function renderSchema(doc: Node, name: string, schema: Node): string[] {
  const lines = [`### <a id="${schemaAnchor(name)}"></a>${name}`, '', oneLine(schema.description)];
  const values = schema.enum ?? schema['x-extensible-enum'];
  if (values) {
    lines.push('', `${schema['x-extensible-enum'] ? 'Known values (open-ended)' : 'Values'}: ${values.map(code).join(', ')}.`);
  }
  if (schema.oneOf || schema.allOf) lines.push('', `${schema.oneOf ? 'One of' : 'All of'}: ${(schema.oneOf ?? schema.allOf).map((s: Node) => typeOf(doc, s)).join(', ')}.`);
  if (schema.properties) {
    const required = new Set<string>(schema.required ?? []);
    lines.push('', '| Field | Type | Required | Description |', '|---|---|---|---|');
    for (const [field, prop] of Object.entries<Node>(schema.properties)) {
      lines.push(row([code(field), typeOf(doc, prop), required.has(field) ? 'yes' : 'no', oneLine(prop.description)]));
    }
  }
  return lines;
}

/** A short, linked type: `string | null`, `integer ≥ 0`, `array of [Step](#step)`, `` `a` \| `b` ``. */
function typeOf(doc: Node, schema: Node | undefined): string {
  if (!schema || Object.keys(schema).every((k) => k === 'description')) return 'any';
  if (schema.$ref) {
    return schemaLink(String(schema.$ref).split('/').pop()!);
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return alternatives.map((alt: Node) => typeOf(doc, alt)).join(' | ');
  if (schema.allOf) return schema.allOf.map((part: Node) => typeOf(doc, part)).join(' & ');
  if (schema.const !== undefined) return code(schema.const);
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  const main = types.filter((t) => t !== 'null').map((t) => {
    if (t === 'array') return `array of ${typeOf(doc, schema.items)}`;
    if (t === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      return `map of ${typeOf(doc, schema.additionalProperties)}`;
    }
    if (schema.enum) return schema.enum.filter((e: unknown) => e !== null).map(code).join(' | ');
    return t + (schema.format ? ` (${schema.format})` : '') + bounds(schema);
  });
  const text = main.join(' | ') + (types.includes('null') ? ' | null' : '');
  return schema.default !== undefined ? `${text}, default ${code(schema.default)}` : text;
}

function bounds(schema: Node): string {
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) return ` ${min}..${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return schema.pattern ? ` matching \`${schema.pattern}\`` : '';
}

function groupSchemas(doc: Node, schemas: Record<string, Node>) {
  const fromRequests = new Set<string>();
  const fromResponses = new Set<string>();
  const collect = (node: unknown, into: Set<string>): void => {
    if (Array.isArray(node)) return node.forEach((item) => collect(item, into));
    if (!node || typeof node !== 'object') return;
    const ref = (node as Node).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/')) {
      const name = ref.split('/').pop()!;
      const seen = ref.includes('/schemas/') ? into.has(name) : false;
      if (ref.includes('/schemas/')) into.add(name);
      if (!seen) collect(lookup(doc, ref), into);
      return;
    }
    for (const value of Object.values(node)) collect(value, into);
  };
  for (const { op } of listOperations(doc)) {
    collect(op.requestBody, fromRequests);
    collect(op.responses, fromResponses);
    collect(op.parameters, fromResponses);
  }
  const names = Object.keys(schemas);
  const isEnum = (name: string) => Boolean(schemas[name]!.enum ?? schemas[name]!['x-extensible-enum']);
  const requests = names.filter((name) => !isEnum(name) && fromRequests.has(name) && !fromResponses.has(name));
  return {
    enums: names.filter(isEnum),
    requests,
    resources: names.filter((name) => !isEnum(name) && !requests.includes(name)),
  };
}

function listOperations(doc: Node): Array<{ method: string; path: string; op: Node }> {
  return Object.entries<Node>(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, op: item[method] as Node })),
  );
}

function lookup(doc: Node, ref: string): Node {
  return ref.slice(2).split('/').reduce((node: Node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
}

// Explicit anchors: an operation and a schema may differ only in case (`runCommand`, `RunCommand`).
const opAnchor = (operationId: string) => `op-${operationId.toLowerCase()}`;
const schemaAnchor = (name: string) => `schema-${name.toLowerCase()}`;
const schemaLink = (name: string) => `[${name}](#${schemaAnchor(name)})`;
const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const oneLine = (text: unknown) => (typeof text === 'string' ? text.replace(/\s*\n\s*/g, ' ').trim() : '');
const row = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const markdown = generateApiDocs();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // A missing file is out of date too.
    }
    if (current !== markdown) {
      console.error('docs/api/README.md is out of date: run `npx tsx scripts/gen-api-docs.ts`.');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, markdown);
    console.log(`Wrote ${OUT}`);
  }
}
