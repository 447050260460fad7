import fc from 'fast-check';

/**
 * Requests generated from the OpenAPI description (`/api/docs-json`): for every operation, bodies,
 * query strings and path parameters that are either plausible or hostile. A hostile request carries
 * the reasons it must be refused; a plausible one may be accepted or refused (the fuzz suite only
 * checks that a refusal is a clean 4xx problem that stored nothing). A new endpoint is covered as soon
 * as it is described.
 */

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Operation {
  parameters?: {
    name: string;
    in: 'path' | 'query' | 'header' | 'cookie';
    required?: boolean;
    schema?: Schema;
  }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export interface OperationTarget {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: { name: string; required: boolean; schema: Schema }[];
  body: Schema | null;
}

export interface GeneratedRequest {
  operation: string;
  method: string;
  url: string;
  contentType: string | null;
  body: string | null;
  /** Why the request must be refused; empty for a plausible request. */
  hostile: string[];
}

/** Everything a generator needs to know about the running app. */
export interface FuzzContext {
  /** Ids of records that exist, so that plausible requests reach the services. */
  ids: string[];
  /** Plausible text for path segments that are not ids (e.g. a ward's name). */
  words: string[];
}

export function operationsOf(document: OpenApiDocument): OperationTarget[] {
  const targets: OperationTarget[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const jsonBody = operation.requestBody?.content?.['application/json']?.schema;
      targets.push({
        method,
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })),
        body: jsonBody ? resolve(document, jsonBody) : null,
      });
    }
  }
  return targets;
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(document, target);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(document, part));
    return parts.reduce<Schema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }),
      { ...schema, allOf: undefined },
    );
  }
  const resolved: Schema = { ...schema };
  if (schema.properties)
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, resolve(document, value)]),
    );
  if (schema.items) resolved.items = resolve(document, schema.items);
  if (schema.oneOf) resolved.oneOf = schema.oneOf.map((part) => resolve(document, part));
  if (schema.anyOf) resolved.anyOf = schema.anyOf.map((part) => resolve(document, part));
  if (typeof schema.additionalProperties === 'object')
    resolved.additionalProperties = resolve(document, schema.additionalProperties);
  return resolved;
}

type Valued = { value: unknown; hostile: string[] };
const plain = (value: unknown): Valued => ({ value, hostile: [] });

function typeOf(schema: Schema): string {
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.enum) return typeof schema.enum[0] === 'number' ? 'number' : 'string';
  const part = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  return part ? typeOf(part) : 'string';
}

const DAY = 86_400_000;

/** Plausible values of a schema: within its enum, range and format, though rules may still refuse them. */
export function plausible(schema: Schema, context: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length || schema.anyOf?.length)
    return fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((part) => plausible(part, context, depth)));
  switch (typeOf(schema)) {
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? 0,
        max: Math.min(schema.maximum ?? 3, (schema.minimum ?? 0) + 50),
      });
    case 'number':
      return fc.oneof(
        fc.integer({ min: Math.ceil(schema.minimum ?? 0), max: Math.floor(schema.maximum ?? 20) }),
        fc
          .integer({
            min: Math.ceil((schema.minimum ?? 0) * 10),
            max: Math.floor((schema.maximum ?? 20) * 10),
          })
          .map((tenths) => tenths / 10),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(plausible(schema.items ?? {}, context, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.max(schema.minItems ?? 0, 3),
          });
    case 'object':
      return depth > 4 ? fc.constant({}) : plausibleObject(schema, context, depth);
    default:
      return plausibleString(schema, context);
  }
}

function plausibleObject(schema: Schema, context: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0) {
    if (typeof schema.additionalProperties === 'object')
      return fc.dictionary(
        fc.constantFrom('a', 'b', 'item1', 'q1'),
        plausible(schema.additionalProperties, context, depth + 1),
        { maxKeys: 3 },
      );
    return fc.constant({});
  }
  const required = new Set(schema.required ?? []);
  return fc.record(
    Object.fromEntries(keys.map((key) => [key, plausible(properties[key], context, depth + 1)])),
    { requiredKeys: keys.filter((key) => required.has(key) || key === 'version') },
  );
}

function plausibleString(schema: Schema, context: FuzzContext): fc.Arbitrary<string> {
  const now = Date.now();
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(fc.constantFrom(...context.ids), fc.uuid());
    case 'date':
      return fc
        .integer({ min: -400, max: 30 })
        .map((days) => new Date(now + days * DAY).toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .integer({ min: -72 * 60, max: 5 })
        .map((minutes) => new Date(now + minutes * 60_000).toISOString());
    default: {
      const maxLength = Math.min(schema.maxLength ?? 40, 40);
      const minLength = Math.min(schema.minLength ?? 1, maxLength);
      return fc
        .oneof(
          fc.constantFrom(
            'Pain Medicine Unit',
            'Declined',
            'ngu',
            'mobile',
            '0412 345 678',
            'nurse',
            'A note.',
          ),
          fc
            .string({ minLength: Math.max(1, minLength), maxLength, unit: 'grapheme-ascii' })
            .filter((s) => s.trim() !== ''),
        )
        .map((text) => text.slice(0, maxLength));
    }
  }
}

const NUL = 'refused text: NUL';
const SURROGATE = 'refused text: unpaired surrogate';
const BLANK = 'refused text: blank';

/** Hostile values for one field of this schema, each with why it must be refused. */
export function hostile(
  schema: Schema,
  required: boolean,
  context: FuzzContext,
  key = '',
): fc.Arbitrary<Valued> {
  const type = typeOf(schema);
  const choices: fc.Arbitrary<Valued>[] = [
    fc.constant({ value: 'x\u0000y', hostile: [NUL] }),
    fc.constant({ value: '\ud800', hostile: [SURROGATE] }),
    fc.constant({ value: 'ok \udc00', hostile: [SURROGATE] }),
    fc.constantFrom('   ', '\t\n', '', '\u00a0').map((value) => ({ value, hostile: [BLANK] })),
    fc.constant({ value: null, hostile: required ? ['null in a required field'] : [] }),
    fc.constant({ value: deepArray(40), hostile: ['nested value for a ' + type] }),
  ];
  if (type !== 'object' && type !== 'array')
    choices.push(fc.constant({ value: { value: 1 }, hostile: ['object for a ' + type] }));
  if (type !== 'array')
    choices.push(
      fc.constant({ value: [plausibleSample(schema, context)], hostile: ['array for a ' + type] }),
    );
  if (type === 'object') {
    choices.push(
      fc.constant({ value: 'text', hostile: ['text for an object'] }),
      fc.constant({ value: JSON.parse('{"__proto__":{"admin":true}}'), hostile: ['__proto__ key'] }),
      fc.constant({ value: { constructor: { prototype: { admin: true } } }, hostile: ['constructor key'] }),
    );
  }
  if (type === 'array') choices.push(fc.constant({ value: {}, hostile: ['object for an array'] }));
  if (type === 'integer' || type === 'number') {
    choices.push(
      fc
        .constantFrom(1e308, -1e308, 2 ** 53 + 1, 1e20, -1e20, 2 ** 31)
        .map((value) => ({ value, hostile: ['huge number'] })),
      fc.constant({ value: '5', hostile: ['text for a number'] }),
    );
  }
  if (type === 'integer') choices.push(fc.constant({ value: 2.5, hostile: ['fraction for an integer'] }));
  if (type === 'boolean')
    choices.push(fc.constantFrom('true', 1, 'yes').map((value) => ({ value, hostile: ['not a boolean'] })));
  if (schema.format === 'date' || (type === 'string' && /(On|Date|Birth)$/.test(key)))
    choices.push(
      fc
        .constantFrom(
          '2999-01-01',
          '2026-02-30',
          '1899-12-31',
          '2026-13-01',
          '20260101',
          '2026-1-1',
          '+002026-01-01',
        )
        .map((value) => ({ value, hostile: ['not a sane calendar date'] })),
    );
  if (schema.format === 'date-time' || (type === 'string' && /(At|From)$/.test(key)))
    choices.push(
      fc
        .constantFrom(
          '2026-02-30T10:00:00Z',
          '2999-01-01T00:00:00Z',
          '1899-12-31T23:00:00Z',
          '2026-11-20T25:00:00Z',
          '2026-11-20T10:00:00+25:00',
          '2026-11-20',
        )
        .map((value) => ({ value, hostile: ['not a sane instant'] })),
    );
  if (schema.format === 'uuid')
    choices.push(
      fc
        .constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g')
        .map((value) => ({ value, hostile: ['not a uuid'] })),
    );
  if (schema.maxLength !== undefined)
    choices.push(fc.constant({ value: 'x'.repeat(schema.maxLength + 1), hostile: ['too long'] }));
  if (schema.enum) choices.push(fc.constant({ value: 'no-such-choice', hostile: ['not in the list'] }));
  return fc.oneof(...choices);
}

function plausibleSample(schema: Schema, context: FuzzContext): unknown {
  return fc.sample(plausible(schema, context), { numRuns: 1, seed: 1 })[0];
}

function deepArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** A plausible object body with one or two fields (at any depth) replaced by hostile values. */
function objectBody(schema: Schema, context: FuzzContext): fc.Arbitrary<Valued> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  return fc
    .tuple(
      plausible(schema, context) as fc.Arbitrary<Record<string, unknown>>,
      keys.length > 0 ? fc.constantFrom(...keys) : fc.constant(null),
      fc.nat(),
      fc.boolean(),
    )
    .chain(([base, key, pick, nested]) => {
      if (key === null) return fc.constant(plain(base));
      const field = properties[key];
      const required = (schema.required ?? []).includes(key);
      const innerKeys = Object.keys(field.properties ?? {});
      if (nested && typeOf(field) === 'object' && innerKeys.length > 0) {
        const innerKey = innerKeys[pick % innerKeys.length];
        return hostile(
          field.properties![innerKey],
          (field.required ?? []).includes(innerKey),
          context,
          innerKey,
        ).map(({ value, hostile: reasons }) => ({
          value: {
            ...base,
            [key]: {
              ...((isObject(base[key]) ? base[key] : plausibleSample(field, context)) as object),
              [innerKey]: value,
            },
          },
          hostile: reasons.map((reason) => `${key}.${innerKey}: ${reason}`),
        }));
      }
      return hostile(field, required, context, key).map(({ value, hostile: reasons }) => {
        const body = { ...base };
        // A value made by JSON.parse keeps a __proto__ key as its own, so it is sent as a client would.
        body[key] = value;
        return { value: body, hostile: reasons.map((reason) => `${key}: ${reason}`) };
      });
    });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Body {
  contentType: string | null;
  body: string | null;
  hostile: string[];
}

function bodies(schema: Schema, context: FuzzContext): fc.Arbitrary<Body> {
  const json = (valued: Valued): Body => ({
    contentType: 'application/json',
    body: JSON.stringify(valued.value),
    hostile: valued.hostile,
  });
  return fc.oneof(
    { weight: 5, arbitrary: plausible(schema, context).map((value) => json(plain(value))) },
    { weight: 10, arbitrary: objectBody(schema, context).map(json) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<unknown>(null, [], [{}], 42, 'text', true)
        .map((value) => json({ value, hostile: ['body is not an object'] })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(5_000, 60_000).map((depth) => ({
        contentType: 'application/json',
        body: '['.repeat(depth) + ']'.repeat(depth),
        hostile: ['deeply nested body'],
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constant<Body>({
        contentType: 'application/json',
        body: '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
        hostile: ['deeply nested body'],
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}')
        .map((body) => ({
          contentType: 'application/json',
          body,
          hostile: ['__proto__/constructor key'],
        })),
    },
    {
      weight: 2,
      arbitrary: plausible(schema, context).map((value) => ({
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams(
          Object.entries(isObject(value) ? value : {}).map(([k, v]): [string, string] => [
            k,
            typeof v === 'string' ? v : JSON.stringify(v),
          ]),
        ).toString(),
        hostile: ['form-encoded body'],
      })),
    },
    {
      weight: 1,
      arbitrary: plausible(schema, context).map((value) => ({
        contentType: 'text/plain',
        body: JSON.stringify(value),
        hostile: ['text/plain body'],
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{"broken":', '', '{"a":1}{"b":2}', '\u0000').map((body) => ({
        contentType: 'application/json',
        body,
        hostile: ['not JSON'],
      })),
    },
  );
}

const HOSTILE_SEGMENTS: [string, string][] = [
  ['not-a-uuid', 'path: not an id'],
  ['%00', 'path: NUL'],
  ['%', 'path: bad percent-encoding'],
  ['%E0%A4%A', 'path: bad percent-encoding'],
  ['%ED%A0%80', 'path: unpaired surrogate'],
  ['%20%20', 'path: blank'],
  ['x'.repeat(3000), 'path: too long'],
  ['..%2F..%2Fetc', 'path: traversal'],
];

function pathSegment(name: string, context: FuzzContext): fc.Arbitrary<Valued> {
  const plausibleSegment =
    name === 'id'
      ? fc.oneof(fc.constantFrom(...context.ids), fc.uuid())
      : fc.oneof(fc.constantFrom(...context.words, ...context.ids), fc.uuid()).map(encodeURIComponent);
  return fc.oneof(
    { weight: 4, arbitrary: plausibleSegment.map(plain) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS).map(([value, reason]) => ({
        value,
        // A segment that is not an id may name something (a ward): only the text rules make it bad.
        hostile: reason.includes('not an id') || reason.includes('traversal') ? [] : [reason],
      })),
    },
  );
}

const HOSTILE_QUERY: [string, string][] = [
  ['x%00y', 'NUL'],
  ['%ED%A0%80', 'unpaired surrogate'],
  ['%E0%A4%A', 'bad percent-encoding'],
  ['%20%20', 'blank'],
  ['2026-02-30', 'not a sane calendar date'],
  ['2999-01-01', 'not a sane calendar date'],
  ['1e400', 'huge number'],
];

function queryString(target: OperationTarget, context: FuzzContext): fc.Arbitrary<Valued> {
  if (target.queryParams.length === 0)
    return fc.oneof(
      { weight: 9, arbitrary: fc.constant(plain('')) },
      { weight: 1, arbitrary: fc.constant<Valued>({ value: '?unknown=%00', hostile: [] }) },
    );
  return fc
    .tuple(
      ...target.queryParams.map((param) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constant<Valued | null>(null) },
          {
            weight: 3,
            arbitrary: plausible(param.schema, context).map((value) =>
              plain(`${param.name}=${encodeURIComponent(String(value))}`),
            ),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(...HOSTILE_QUERY).map(([value, reason]) => ({
              value: `${param.name}=${value}`,
              hostile: hostileQueryReason(param.schema, reason),
            })),
          },
          {
            weight: 1,
            arbitrary: fc.constant({ value: `${param.name}=a&${param.name}=b`, hostile: [] }),
          },
        ),
      ),
    )
    .map((parts) => {
      const present = parts.filter((part): part is Valued => part !== null);
      return {
        value: present.length === 0 ? '' : `?${present.map((part) => part.value).join('&')}`,
        hostile: present.flatMap((part) => part.hostile),
      };
    });
}

/** A value for a closed list or an id is refused anyway; text rules apply to every parameter. */
function hostileQueryReason(schema: Schema, reason: string): string[] {
  const type = typeOf(schema);
  if (reason.includes('date') && schema.format !== 'date' && schema.format !== 'date-time') return [];
  if (reason === 'huge number' && type !== 'integer' && type !== 'number') return [];
  return [`query: ${reason}`];
}

/** One generated request for an operation. */
export function requestsFor(target: OperationTarget, context: FuzzContext): fc.Arbitrary<GeneratedRequest> {
  const operation = `${target.method.toUpperCase()} ${target.path}`;
  const path = fc.tuple(...target.pathParams.map((name) => pathSegment(name, context))).map((segments) => {
    let url = target.path;
    target.pathParams.forEach((name, index) => {
      url = url.replace(`{${name}}`, String(segments[index].value));
    });
    return { value: url, hostile: segments.flatMap((segment) => segment.hostile) };
  });
  const body: fc.Arbitrary<Body> = target.body
    ? bodies(target.body, context)
    : fc.constant({ contentType: null, body: null, hostile: [] });
  return fc.tuple(path, queryString(target, context), body).map(([url, query, sent]) => ({
    operation,
    method: target.method,
    url: `${url.value}${query.value}`,
    contentType: sent.contentType,
    body: sent.body,
    hostile: [...url.hostile, ...query.hostile, ...sent.hostile],
  }));
}
