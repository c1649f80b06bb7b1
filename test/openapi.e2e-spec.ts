import type { OpenAPIObject } from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REGENERATE, renderOpenApiFiles } from '../apps/api/src/cli/openapi-files';
import { createTestApp, type TestApp } from './support';

type Json = Record<string, unknown>;
interface Response {
  content?: Record<string, { schema?: Json }>;
}
interface Operation {
  tags?: string[];
  summary?: string;
  responses?: Record<string, Response>;
}

const ROOT = join(__dirname, '..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ERROR_BODY = '#/components/schemas/ErrorBodyDto';

/**
 * The document the app serves is the contract a client is generated from (issue 15.1):
 * committed as it is served, every operation with its success answer's schema and its
 * errors, every reference resolved, every schema with examples. Each check lists every
 * offending operation or schema at once, not only the first.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(async () => {
    await t.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation: item[method] as Operation,
      })),
    );

  it('is the one committed in docs/, so that a client generated from the file is right', async () => {
    const files = await renderOpenApiFiles(document, ROOT);
    const stale: string[] = [];
    for (const [path, text] of Object.entries(files)) {
      const committed = await readFile(join(ROOT, path), 'utf8').catch(() => undefined);
      if (committed !== text) stale.push(path);
    }
    if (stale.length) {
      throw new Error(
        `${stale.join(' and ')} differ from what the app serves: run \`${REGENERATE}\` and commit the result`,
      );
    }
  });

  it('gives every operation a tag, a summary, and its success answer with a schema', () => {
    const problems = operations().flatMap(({ name, operation }) => {
      const found: string[] = [];
      if (!operation.tags?.length) found.push(`${name}: no tag`);
      if (!operation.summary?.trim()) found.push(`${name}: no summary`);
      const successes = Object.entries(operation.responses ?? {}).filter(([s]) => /^2/.test(s));
      if (!successes.length) found.push(`${name}: no 2xx response`);
      for (const [status, response] of successes) {
        const media = Object.entries(response.content ?? {});
        if (status === '204') {
          if (media.length) found.push(`${name}: 204 with a body`);
          continue;
        }
        if (!media.length) found.push(`${name}: ${status} without a content schema`);
        for (const [type, { schema }] of media) {
          const problem = schemaProblem(type, schema);
          if (problem) found.push(`${name}: ${status} ${type}: ${problem}`);
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('resolves every $ref', () => {
    const unresolved = refs(document).filter((ref) => resolve(document, ref) === undefined);
    expect([...new Set(unresolved)]).toEqual([]);
  });

  it('documents the 400 error, with the one error body, on every operation', () => {
    const problems = operations()
      .filter(({ operation }) => {
        const schema = operation.responses?.['400']?.content?.['application/json']?.schema;
        return schema?.$ref !== ERROR_BODY;
      })
      .map(({ name }) => `${name}: no 400 with ${ERROR_BODY}`);
    expect(problems).toEqual([]);
  });

  /**
   * The rule: every required property of every named schema whose value is a plain value
   * (a string, a number, a boolean, or an array of those) has an `example`. Properties that
   * refer to another named schema are covered by that schema's own check, and enums show
   * their values anyway; optional fields may go without.
   */
  it('has an example on the main (required, plain) fields of every schema', () => {
    const problems = Object.entries(document.components?.schemas ?? {}).flatMap(
      ([name, schema]) => {
        const { properties = {}, required = [] } = schema as {
          properties?: Record<string, Json>;
          required?: string[];
        };
        return required
          .filter((field) => properties[field] && needsExample(properties[field]))
          .filter((field) => properties[field].example === undefined)
          .map((field) => `${name}.${field}: no example`);
      },
    );
    expect(problems).toEqual([]);
  });

  /**
   * A property typed in TypeScript as a union (`string | null`) or `unknown` reaches the
   * document as a bare `object` unless its decorator names the type: a generated client
   * would then refuse the string the API takes. Every object property says what it holds.
   */
  it('types every property: no bare object left by reflection', () => {
    const problems = Object.entries(document.components?.schemas ?? {}).flatMap(([name, schema]) =>
      Object.entries((schema as { properties?: Record<string, Json> }).properties ?? {})
        .filter(
          ([, property]) =>
            property.type === 'object' &&
            !property.properties &&
            !property.additionalProperties &&
            !property.allOf,
        )
        .map(([field]) => `${name}.${field}: a bare object; give its decorator a type`),
    );
    expect(problems).toEqual([]);
  });
});

/** What is wrong with a success answer's schema for a media type, if anything. */
function schemaProblem(type: string, schema: Json | undefined): string | undefined {
  if (!schema) return 'no schema';
  if (/[/+]json$/.test(type.split(';')[0])) {
    const described = ['$ref', 'type', 'oneOf', 'anyOf', 'allOf'].some((key) => key in schema);
    return described ? undefined : 'a JSON schema that says nothing';
  }
  // A file, a page, a CSV: bytes or text, as a string.
  return schema.type === 'string' ? undefined : 'not a string (binary) schema';
}

const PLAIN = ['string', 'number', 'integer', 'boolean'];

function needsExample(property: Json): boolean {
  if ('$ref' in property || 'allOf' in property || 'oneOf' in property || 'enum' in property) {
    return false;
  }
  if (property.type === 'array') {
    const items = (property.items ?? {}) as Json;
    return PLAIN.includes(items.type as string) && !('enum' in items);
  }
  return PLAIN.includes(property.type as string);
}

/** Every `$ref` in the document. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refs(value),
  );
}

/** The node a local reference (`#/components/schemas/X`) points to, or undefined. */
function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object' ? (node as Json)[part] : undefined,
      document,
    );
}
