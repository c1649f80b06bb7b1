import { JoinService } from '@app/domain';
import { Body, Controller, Get, Param, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi/responses';
import { LinkMissLimiter } from '../sign/link-miss.limiter';
import { userView } from '../accounts/user.view';
import { AcceptJoinDto } from './join.dto';
import { JoinAccepted, JoinLinkView } from './join.views';

/**
 * The link in a member invitation email, as JSON for clients (/api/join/:token); the
 * pages for people are JoinPageController. GET never changes anything; accepting is a POST.
 */
@ApiTags('accounts')
@ApiParam({
  name: 'token',
  description: 'the token of the link in the invitation email',
  example: 'q8Xz3vN0bLk2Yt6Rw9Pm4Hs7Jd1Fg5Ca0Ee2Ui8Oo3Q',
})
@Public()
@UseInterceptors(LinkMissLimiter)
@Controller('api/join/:token')
export class JoinController {
  constructor(private readonly join: JoinService) {}

  @Get()
  @ApiOperation({ summary: 'What a join link is for (404 unknown, 410 used or expired)' })
  @ApiOkResponse({ type: JoinLinkView })
  @ApiErrors(404, 410)
  async describe(@Param('token') token: string): Promise<JoinLinkView> {
    const invitation = await this.join.describe(token);
    return { ...invitation, expiresAt: invitation.expiresAt.toISOString() };
  }

  @Post()
  @ApiOperation({ summary: 'Accept: create the account (name, password), join, sign in' })
  @ApiCreatedResponse({ type: JoinAccepted })
  @ApiErrors(404, 410)
  async accept(@Param('token') token: string, @Body() dto: AcceptJoinDto): Promise<JoinAccepted> {
    const { user, token: sessionToken } = await this.join.accept(token, dto);
    return { user: userView(user), token: sessionToken };
  }
}
