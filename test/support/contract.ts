import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'supertest';
import type { TestApp } from './test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json = Record<string, unknown>;

/**
 * Checks real responses against the OpenAPI document the app serves, the way a generated
 * client will read them. Objects are closed: a field the document does not declare is an
 * error, because a typed client cannot see it.
 */
export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addKeyword({ keyword: 'example' });
    this.ajv.addSchema({
      $id: 'openapi.json',
      components: nullables(closed(document.components ?? {})),
    });
  }

  static async of(app: TestApp): Promise<Contract> {
    const res = await app.http().get('/api/docs-json').expect(200);
    return new Contract(res.body as OpenAPIObject);
  }

  /** The JSON schema for an operation's response, or undefined when it documents none. */
  schemaFor(method: Method, path: string, status: number): Json | undefined {
    const operation = this.document.paths[path]?.[method];
    if (!operation)
      throw new Error(`the document has no operation ${method.toUpperCase()} ${path}`);
    const response = operation.responses[String(status)] as
      { content?: Record<string, { schema?: Json }> } | undefined;
    return response?.content?.['application/json']?.schema;
  }

  /** The problems with `res` as the response of `method path`; empty when it conforms. */
  problems(method: Method, path: string, res: Response): string[] {
    const key = `${method} ${path} ${res.status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const schema = this.schemaFor(method, path, res.status);
      if (!schema) return [`${key}: no JSON schema documented for this status`];
      validate = this.ajv.compile(rebase(nullables(closed(schema))) as Json);
      this.compiled.set(key, validate);
    }
    if (validate(res.body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${key}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  }

  /** Throws, listing every problem, unless `res` conforms to the document. */
  expect(method: Method, path: string, res: Response): void {
    const problems = this.problems(method, path, res);
    if (problems.length) throw new Error(problems.join('\n'));
  }
}

/** `#/components/...` refs point into the schema registered as openapi.json. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' ? `openapi.json${v}` : rebase(v);
  }
  return out;
}

/** Every object schema that lists its properties refuses others, unless it says otherwise. */
function closed<T>(node: T): T {
  if (Array.isArray(node)) return node.map(closed) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = closed(v);
  if (out.properties && out.additionalProperties === undefined && !out.allOf) {
    out.additionalProperties = false;
  }
  return out as T;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: null, or the rest of the schema. ajv reads
 * `nullable` only beside a `type`, and not through an `allOf` (how the document marks a
 * nullable reference to a named class or enum), where null would fail the referenced type.
 */
function nullables<T>(node: T): T {
  if (Array.isArray(node)) return node.map(nullables) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = nullables(v);
  if (out.nullable !== true) return out as T;
  delete out.nullable;
  return { anyOf: [{ type: 'null' }, out] } as T;
}
