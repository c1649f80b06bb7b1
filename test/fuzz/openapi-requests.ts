import fc from 'fast-check';
import {
  anyJson,
  deepJson,
  hostileId,
  hostileNumber,
  hostileString,
  XSS_PAYLOADS,
} from './hostile-values';

/** The parts of an OpenAPI 3 document the fuzz reads. */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path template, `/api/letters/{lid}`. */
  path: string;
  pathParams: string[];
  query: Parameter[];
  body?: Schema;
}

export interface FuzzRequest {
  role: string;
  method: FuzzOperation['method'];
  /** The path with its parameters in, encoded, and the query string. */
  url: string;
  contentType?: string;
  body?: string | Buffer;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document; reads first, deletions last, so fixtures live longest. */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const order = { get: 0, post: 1, put: 1, patch: 1, delete: 2 };
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method,
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: parameters.filter((p) => p.in === 'query'),
        body: json,
      });
    }
  }
  return operations.sort((a, b) => order[a.method] - order[b.method]);
}

/** Field names the routes without a declared body read (sign-on forms and the like). */
const LIKELY_FIELDS = [
  'displayName',
  'signerName',
  'signerTitle',
  'signerEmail',
  'country',
  'website',
  'visibility',
  'consent',
  'authorized',
  'reason',
  'email',
  'name',
  'password',
  'organizationId',
  'body',
  'status',
];

export class RequestGenerator {
  constructor(
    private readonly doc: OpenApiDocument,
    /** Real values for path parameters by name (`lid` → a letter's id), per path. */
    private readonly realParam: (name: string, path: string) => string | undefined,
    private readonly roles: string[],
  ) {}

  request(op: FuzzOperation): fc.Arbitrary<FuzzRequest> {
    const params = op.pathParams.map((name) => this.pathParam(name, op.path));
    return fc
      .record({
        role: fc.constantFrom(...this.roles),
        params: fc.tuple(...params),
        query: this.queryString(op.query),
        body: op.method === 'get' || op.method === 'delete' ? fc.constant(null) : this.body(op),
      })
      .map(({ role, params: values, query, body }) => {
        let i = 0;
        const path = op.path.replace(/\{\w+\}/g, () => values[i++]);
        return {
          role,
          method: op.method,
          url: query ? `${path}?${query}` : path,
          ...(body ?? {}),
        };
      });
  }

  private pathParam(name: string, path: string): fc.Arbitrary<string> {
    const real = this.realParam(name, path);
    if (real === undefined) return hostileId;
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(real) },
      { weight: 1, arbitrary: hostileId },
    );
  }

  private queryString(params: Parameter[]): fc.Arbitrary<string> {
    const pairs = params.map((p) =>
      fc.option(
        fc
          .oneof(
            { weight: 2, arbitrary: this.value(p.schema ?? {}, 0).map(asText) },
            { weight: 3, arbitrary: hostileString },
            { weight: 1, arbitrary: hostileNumber.map(String) },
          )
          .map((v) => `${encodeURIComponent(p.name)}=${encodeQuery(v)}`),
        { freq: 2 },
      ),
    );
    const unknown = fc.option(
      fc
        .tuple(fc.string({ maxLength: 8 }), hostileString)
        .map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}`),
      { freq: 4 },
    );
    return fc
      .tuple(fc.tuple(...pairs), unknown)
      .map(([set, extra]) => [...set, extra].filter((p): p is string => !!p).join('&'));
  }

  private body(op: FuzzOperation): fc.Arbitrary<Omit<FuzzRequest, 'role' | 'method' | 'url'>> {
    const shaped = op.body
      ? this.value(op.body, 0)
      : fc.dictionary(fc.constantFrom(...LIKELY_FIELDS), anyJson, { maxKeys: 8 });
    const json = (value: unknown) => ({
      contentType: 'application/json',
      body: JSON.stringify(value) ?? 'null',
    });
    return fc.oneof(
      { weight: 12, arbitrary: shaped.map(json) },
      // Unknown fields next to known ones.
      {
        weight: 2,
        arbitrary: fc
          .tuple(shaped, fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 3 }))
          .map(([value, extra]) =>
            json(typeof value === 'object' && value !== null ? { ...extra, ...value } : extra),
          ),
      },
      { weight: 2, arbitrary: anyJson.map(json) },
      { weight: 1, arbitrary: deepJson.map((body) => ({ contentType: 'application/json', body })) },
      // Malformed JSON: a value cut short.
      {
        weight: 1,
        arbitrary: shaped.map((v) => ({
          contentType: 'application/json',
          body: (JSON.stringify(v) ?? '{').slice(0, -1),
        })),
      },
      // Wrong content types.
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom(
              'text/plain',
              'application/x-www-form-urlencoded',
              'text/csv',
              'application/xml',
              'multipart/form-data; boundary=x',
              'image/png',
              'application/json; charset=utf-16',
            ),
            hostileString,
          )
          .map(([contentType, text]) => ({
            contentType,
            body:
              contentType === 'application/x-www-form-urlencoded'
                ? `name=${encodeQuery(text)}`
                : text,
          })),
      },
    );
  }

  /** A value for a schema: mostly the right shape with hostile leaves, sometimes anything. */
  value(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const leaf = this.leaf(s, depth);
    return fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: anyJson });
  }

  private leaf(s: Schema, depth: number): fc.Arbitrary<unknown> {
    if (s.enum?.length) {
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...s.enum) }, hostileString);
    }
    switch (s.type ?? '') {
      case 'string':
        return fc.oneof(
          { weight: 2, arbitrary: this.plausibleString(s) },
          { weight: 3, arbitrary: hostileString },
        );
      case 'integer':
      case 'number':
        return fc.oneof(
          {
            weight: 2,
            arbitrary: fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 10, 10) }),
          },
          { weight: 3, arbitrary: hostileNumber },
        );
      case 'boolean':
        return fc.oneof({ weight: 3, arbitrary: fc.boolean() }, anyJson);
      case 'array':
        if (depth > 6) return fc.constant([]);
        return fc.array(this.value(s.items ?? {}, depth + 1), { maxLength: 4 });
      default: {
        if (!s.properties || depth > 6) return anyJson;
        const entries = Object.entries(s.properties).map(
          ([key, prop]) => [key, this.value(prop, depth + 1)] as const,
        );
        return fc.record(Object.fromEntries(entries), {
          requiredKeys: (s.required ?? []).filter((k) => k in s.properties!),
        });
      }
    }
  }

  private plausibleString(s: Schema): fc.Arbitrary<string> {
    switch (s.format ?? '') {
      case 'date-time':
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      case 'email':
        return fc.emailAddress();
      case 'uuid':
        return fc.uuid();
      default:
        return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...XSS_PAYLOADS));
    }
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; i < 10 && s.$ref; i++) {
      s = this.doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
    }
    const composed = s.allOf?.[0] ?? s.oneOf?.[0] ?? s.anyOf?.[0];
    return composed ? this.resolve(composed) : s;
  }
}

/** A generated value as query text. */
const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** Query values percent-encoded; lone surrogates as the raw bytes a client could send. */
function encodeQuery(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')]
      .map((b) => `%${b.toString(16).padStart(2, '0')}`)
      .join('');
  }
}
