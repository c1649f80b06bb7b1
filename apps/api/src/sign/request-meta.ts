import type { RequestMeta } from '@app/domain';
import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import { errorBody } from '../http/error-body';

/** Who submitted a sign-on, kept private with the signature. */
export function requestMeta(req: Request): RequestMeta {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

/** A JSON body must be an object; an array, a string or nothing at all is a 400. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new BadRequestException(errorBody(400, 'body: expected a JSON object'));
  }
  return body as Record<string, unknown>;
}
