import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../auth/session-cookies';
import { ErrorBodyDto } from './error-body.dto';
import { applyRequestContent } from './request-content';
import { BEARER_SCHEME, CSRF_SCHEME, SESSION_SCHEME } from './responses';

/** The OpenAPI document the app serves at /api/docs-json and `npm run openapi` writes. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Signatory API')
    .setDescription('Coalition sign-on letters: drafting, sign-ons by email link, final PDFs.')
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'the opaque token from POST /api/auth/login (not a JWT)',
      },
      BEARER_SCHEME,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'the httpOnly session cookie set at login' },
      SESSION_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: CSRF_HEADER,
        description: `with the session cookie, on every change: the value of the ${CSRF_COOKIE} cookie`,
      },
      CSRF_SCHEME,
    )
    .build();
  return applyRequestContent(
    SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] }),
  );
}
