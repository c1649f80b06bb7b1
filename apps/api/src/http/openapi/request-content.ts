import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['post']>;
type RequestBody = Extract<NonNullable<Operation['requestBody']>, { content: unknown }>;
type ContentObject = RequestBody['content'];

const EXTENSION = 'x-request-content';

/**
 * A request body with a different schema per media type (a CSV as the raw body, or as a
 * multipart `file`). @ApiBody gives every @ApiConsumes type the same schema, so the
 * content is carried on an extension and moved into place by `applyRequestContent`.
 */
export function ApiRequestContent(content: ContentObject, description?: string): MethodDecorator {
  return ApiExtension(EXTENSION, { content, description });
}

/** Moves each operation's ApiRequestContent into its requestBody (see document.ts). */
export function applyRequestContent(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      const extensions = operation as unknown as Record<string, unknown>;
      const extension = extensions[EXTENSION] as
        { content: ContentObject; description?: string } | undefined;
      if (!extension) continue;
      delete extensions[EXTENSION];
      operation.requestBody = { required: true, ...extension };
    }
  }
  return document;
}
