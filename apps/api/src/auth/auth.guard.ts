import { AccountsService, sameHash } from '@app/domain';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthedRequest, PUBLIC_ROUTE } from './auth.decorators';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route needs a valid token unless it is @Public: `Authorization: Bearer <token>`,
 * or the session cookie, which for a change must come with its CSRF token. A @Public route
 * reached with a session cookie but no CSRF token runs anonymously.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const token = bearer ?? cookie;

    if (!token) {
      if (isPublic) return true;
      throw new UnauthorizedException(
        'authentication required: send Authorization: Bearer <token>',
      );
    }
    const found = await this.accounts.authenticate(token);
    if (!found) {
      if (isPublic) return true;
      throw new UnauthorizedException('token: invalid, expired or revoked; log in again');
    }
    const via = bearer ? 'bearer' : 'cookie';
    if (via === 'cookie' && !SAFE_METHODS.has(request.method) && !this.csrfHolds(request, token)) {
      // A public route (a sign link, log-in) does not act with the session: it runs as for
      // anyone, without the session's authority, so it needs no CSRF token (issue 14.6).
      if (isPublic) return true;
      throw new ForbiddenException(`${CSRF_HEADER}: missing or wrong CSRF token`);
    }
    request.auth = { user: found.user, session: found.session, via };
    return true;
  }

  private csrfHolds(request: AuthedRequest, token: string): boolean {
    const sent = request.headers[CSRF_HEADER];
    const expected = this.accounts.csrfTokenFor(token);
    return typeof sent === 'string' && /^[0-9a-f]{64}$/.test(sent) && sameHash(sent, expected);
  }
}
