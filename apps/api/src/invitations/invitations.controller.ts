import { Action, DomainError, InvitationsService, type InviteTarget } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { InvitationsQueryDto, InviteDto } from './invitations.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { InvitationView, InvitedView, ResentView } from './invitations.views';

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
  // Whole bodies as examples: the fields exclude each other, so per-field examples would
  // combine into a body the route refuses.
  @ApiBody({
    type: InviteDto,
    examples: {
      organizations: {
        summary: 'these organizations',
        value: { organizationIds: ['0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b'] },
      },
      tag: { summary: 'every organization with a tag', value: { tag: 'press-freedom' } },
      everyone: { summary: 'the whole directory', value: { allOrganizations: true } },
    },
  })
  @ApiAcceptedResponse({
    type: InvitedView,
    description: 'the invitations are made; their mail is queued',
  })
  // 422: the letter is not open for sign-on.
  @ApiErrors(404, 413, 422)
  inviteOrganizations(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: InviteDto,
  ): Promise<InvitedView> {
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
  @ApiOperation({ summary: "The letter's invitations, by organization name" })
  @ApiOkResponse({ type: [InvitationView] })
  @ApiErrors(404)
  listInvitations(
    @Param('lid') lid: string,
    @Query() query: InvitationsQueryDto,
  ): Promise<InvitationView[]> {
    return this.invitations.list(lid, query.status);
  }

  @Post('invitations/:iid/resend')
  @HttpCode(202)
  @Can(Action.InviteOrganizations)
  @ApiOperation({
    summary: 'Send the link again (counted as a reminder; at most every 10 minutes)',
  })
  @ApiAcceptedResponse({ type: ResentView })
  // 422: revoked, already answered, or the letter is no longer open; 429: sent moments ago.
  @ApiErrors(404, 422)
  async resendInvitation(
    @Param('iid') iid: string,
    @CurrentAuth() auth: RequestAuth,
  ): Promise<ResentView> {
    await this.invitations.resend(iid, auth.user.id);
    return { queued: 1 };
  }

  @Post('invitations/:iid/revoke')
  @HttpCode(200)
  @Can(Action.InviteOrganizations)
  @ApiOperation({ summary: 'The link answers 410 from now on' })
  @ApiOkResponse({ type: InvitationView, description: 'the invitation, now revoked' })
  @ApiErrors(404)
  revokeInvitation(
    @Param('iid') iid: string,
    @CurrentAuth() auth: RequestAuth,
  ): Promise<InvitationView> {
    return this.invitations.revoke(iid, auth.user.id);
  }
}
