import { CanActivate, ExecutionContext, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route parameter that names a row: `:id`, `:wid`, `:lid`, `:letterId`, `:commentId`... */
export const isIdParam = (name: string): boolean => /^(id|[a-z]id|[a-z]+Id)$/.test(name);

/**
 * Every id in a path is a UUID, checked before anything (the permission guard included)
 * queries with it: a malformed one answers 404 like an unknown one, and a NUL byte or a
 * stray character never reaches the database.
 */
@Injectable()
export class PathIdsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const params = context.switchToHttp().getRequest<Request>().params as Record<string, unknown>;
    for (const [name, value] of Object.entries(params ?? {})) {
      if (isIdParam(name) && (typeof value !== 'string' || !UUID.test(value))) {
        throw new NotFoundException('not found');
      }
    }
    return true;
  }
}
