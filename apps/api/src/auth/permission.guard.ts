import { Action, atLeast, minimumRole, WorkspaceScope, WorkspacesService } from '@app/domain';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthedRequest, REQUIRED_ACTION } from './auth.decorators';

/**
 * Enforces @Can(action): finds the workspace of the route's resource, then the caller's
 * role in it. Not a member, or no such resource: 404, the same answer, so nobody learns
 * what another coalition has. A member whose role is too low: 403.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly scope: WorkspaceScope,
    private readonly workspaces: WorkspacesService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<Action | undefined>(REQUIRED_ACTION, context.getHandler());
    if (!action) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const params = request.params as Record<string, string | undefined>;
    const workspaceId = await this.scope.resolve(params);
    if (workspaceId === undefined) {
      throw new Error(`@Can(${action}) on a route without a scoped parameter: ${request.path}`);
    }
    const membership =
      workspaceId && request.auth
        ? await this.workspaces.membership(workspaceId, request.auth.user.id)
        : null;
    if (!membership) throw new NotFoundException('not found');
    const needed = minimumRole[action];
    if (!atLeast(membership.role, needed)) {
      throw new ForbiddenException(
        `this needs the ${needed} role or higher; you are ${membership.role}`,
      );
    }
    request.membership = membership;
    return true;
  }
}
