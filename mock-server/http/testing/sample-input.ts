/** Test support: the smallest value a workflow's input schema (type, required, enum, default, minimum, minLength) accepts. */
type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

export function sampleValue(schema: unknown): unknown {
  if (!isSchema(schema)) return null;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return 'sample'.padEnd(typeof schema.minLength === 'number' ? schema.minLength : 0, 'x');
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
    case undefined:
      return sampleInput(schema);
    default:
      return null;
  }
}

/** An object with every required property of `schema` filled in. */
export function sampleInput(schema: unknown): Record<string, unknown> {
  if (!isSchema(schema)) return {};
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  return Object.fromEntries(required.map((key) => [key, sampleValue(properties[key])]));
}
