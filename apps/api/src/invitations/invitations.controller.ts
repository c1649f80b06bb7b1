import { Action, DomainError, InvitationsService, type InviteTarget } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { InvitationsQueryDto, InviteDto } from './invitations.dto';
import { ApiSignedIn } from '../http/openapi/responses';

@ApiTags('invitations')
@ApiSignedIn()
@Controller('api')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('letters/:lid/invitations')
  @HttpCode(202)
  @Can(Action.InviteOrganizations)
  @ApiOperation({
    summary: 'Invite organizations to sign an open letter, each once, by email link',
  })
  invite(@Param('lid') lid: string, @CurrentAuth() auth: RequestAuth, @Body() dto: InviteDto) {
    const given = [dto.organizationIds, dto.tag, dto.allOrganizations].filter(
      (v) => v !== undefined,
    );
    if (given.length !== 1) {
      throw DomainError.invalid(
        'organizationIds',
        'give exactly one of organizationIds, tag or allOrganizations',
      );
    }
    const target: InviteTarget = dto.organizationIds
      ? { organizationIds: dto.organizationIds }
      : dto.tag !== undefined
        ? { tag: dto.tag }
        : { allOrganizations: true };
    return this.invitations.invite(lid, auth.user.id, target);
  }

  @Get('letters/:lid/invitations')
  @Can(Action.Read)
  list(@Param('lid') lid: string, @Query() query: InvitationsQueryDto) {
    return this.invitations.list(lid, query.status);
  }

  @Post('invitations/:iid/resend')
  @HttpCode(202)
  @Can(Action.InviteOrganizations)
  @ApiOperation({
    summary: 'Send the link again (counted as a reminder; at most every 10 minutes)',
  })
  async resend(@Param('iid') iid: string, @CurrentAuth() auth: RequestAuth) {
    await this.invitations.resend(iid, auth.user.id);
    return { queued: 1 };
  }

  @Post('invitations/:iid/revoke')
  @HttpCode(200)
  @Can(Action.InviteOrganizations)
  @ApiOperation({ summary: 'The link answers 410 from now on' })
  revoke(@Param('iid') iid: string, @CurrentAuth() auth: RequestAuth) {
    return this.invitations.revoke(iid, auth.user.id);
  }
}
