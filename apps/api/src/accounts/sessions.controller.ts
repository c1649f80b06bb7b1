import { AccountsService } from '@app/domain';
import { Controller, Delete, Get, HttpCode, Param, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { clearSessionCookies } from '../auth/session-cookies';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { AccountSessionView } from './security.views';

/** The caller's own sessions: see where the account is signed in, and end any of them. */
@ApiTags('accounts')
@Controller('api/auth/sessions')
export class SessionsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiSignedIn()
  @ApiOperation({ summary: "The caller's live sessions, newest first (never their tokens)" })
  @ApiOkResponse({ type: [AccountSessionView] })
  async list(@CurrentAuth() auth: RequestAuth): Promise<AccountSessionView[]> {
    const sessions = await this.accounts.liveSessions(auth.user.id);
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s.id === auth.session.id,
    }));
  }

  @Delete(':sid')
  @HttpCode(204)
  @ApiSignedIn()
  @ApiOperation({
    summary: "Revoke one of the caller's sessions",
    description:
      "Another account's session, or one already ended, is 404. Revoking the current session signs out: its cookies are cleared.",
  })
  @ApiNoContentResponse({ description: 'the session stops working at once' })
  @ApiErrors(404)
  async revoke(
    @CurrentAuth() auth: RequestAuth,
    @Param('sid') sid: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.accounts.revokeSession(auth.user.id, sid);
    if (sid === auth.session.id) clearSessionCookies(res);
  }
}
