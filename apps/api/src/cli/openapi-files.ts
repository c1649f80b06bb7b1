import type { OpenAPIObject } from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// The standalone build: the Node entry loads its parsers with a dynamic import(), which jest
// refuses, and the test formats the same way as the command.
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import * as markdown from 'prettier/plugins/markdown';
import type { Options } from 'prettier';
import { format as prettierFormat } from 'prettier/standalone';

/** The generated files, relative to the repository root. */
export const OPENAPI_JSON = 'docs/openapi.json';
export const API_ROUTES_MD = 'docs/api.md';
export const REGENERATE = 'npm run openapi';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The committed form of the document: schemas in name order (so that two branches adding
 * schemas merge without a conflict over where each went), everything else as Nest built it.
 */
export function canonicalDocument(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const sorted = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((name) => [name, schemas[name]]),
  );
  return { ...document, components: { ...document.components, schemas: sorted } };
}

/**
 * The text of docs/openapi.json and docs/api.md for a document, formatted by the
 * repository's Prettier settings so that `prettier --check` passes on what is committed.
 */
export async function renderOpenApiFiles(
  document: OpenAPIObject,
  root: string,
): Promise<Record<string, string>> {
  const canonical = canonicalDocument(document);
  const options = JSON.parse(await readFile(join(root, '.prettierrc.json'), 'utf8')) as Options;
  const format = (text: string, parser: string) =>
    prettierFormat(text, { ...options, parser, plugins: [babel, estree, markdown] });
  return {
    [OPENAPI_JSON]: await format(JSON.stringify(canonical, null, 2), 'json'),
    [API_ROUTES_MD]: await format(routeList(canonical), 'markdown'),
  };
}

/** The route list: one table per tag, in the order the document first uses each tag. */
function routeList(document: OpenAPIObject): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'untagged';
      const rows = byTag.get(tag) ?? [];
      rows.push(row(document, method, path, operation));
      byTag.set(tag, rows);
    }
  }
  const lines = [
    `# ${document.info.title}: routes`,
    '',
    `Generated from the OpenAPI document (${OPENAPI_JSON}) by \`${REGENERATE}\`; do not edit: run it again after changing a route.`,
    '',
  ];
  for (const [tag, rows] of byTag) {
    lines.push(
      `## ${tag}`,
      '',
      '| method | path | summary | who | success |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
    );
  }
  return lines.join('\n');
}

function row(document: OpenAPIObject, method: string, path: string, operation: Operation): string {
  const security = operation.security ?? document.security ?? [];
  const who = security.length ? 'signed in' : 'public';
  const cells = [
    method.toUpperCase(),
    `\`${path}\``,
    operation.summary ?? '',
    who,
    success(operation),
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** The success statuses with their content types, e.g. `201 application/json`. */
function success(operation: Operation): string {
  const statuses = Object.keys(operation.responses).filter((status) => /^2/.test(status));
  if (!statuses.length) return 'undocumented';
  return statuses
    .map((status) => {
      const response = operation.responses[status] as { content?: Record<string, unknown> };
      const types = Object.keys(response.content ?? {});
      return types.length ? `${status} ${types.join(', ')}` : `${status} no content`;
    })
    .join('; ');
}

/** Table cells are one line, and a pipe in a summary must not end the cell. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
