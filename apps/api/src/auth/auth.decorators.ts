import {
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import type { Action, MembershipEntity, SessionEntity, UserEntity } from '@app/domain';
import type { Request } from 'express';

export const PUBLIC_ROUTE = 'signatory:public';
export const REQUIRED_ACTION = 'signatory:action';

/** Reachable without a token (log-in, register, join links, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The one permission decorator: the route acts on the workspace of its scoped parameter
 * (`:wid`, later `:lid` and the rest) and needs `action` there. See docs/permissions.md.
 */
export const Can = (action: Action) => SetMetadata(REQUIRED_ACTION, action);

export interface RequestAuth {
  user: UserEntity;
  session: SessionEntity;
  /** How the token came: a cookie-authenticated change needs a CSRF token. */
  via: 'bearer' | 'cookie';
}

export interface AuthedRequest extends Request {
  auth?: RequestAuth;
  membership?: MembershipEntity;
}

export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new UnauthorizedException('authentication required');
  return auth;
});

/** The caller's membership in the route's workspace (set by the permission guard). */
export const CurrentMembership = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const membership = ctx.switchToHttp().getRequest<AuthedRequest>().membership;
  if (!membership) throw new Error('CurrentMembership used on a route without @Can');
  return membership;
});
