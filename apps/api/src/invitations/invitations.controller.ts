import {
  Action,
  DomainError,
  InvitationRemindersService,
  InvitationsService,
  type InviteTarget,
} from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { InvitationPreviewDto, InvitationsQueryDto, InviteDto } from './invitations.dto';
import { RefusedContentErrorView } from '../letters/letters.views';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { MAIL_DOCUMENT_CSP, sendMailDocument } from './invitation-mail-document';
import { MAIL_PREVIEW_TTL_S, MailPreviewDocuments } from './mail-preview-documents';
import {
  InvitationPreviewView,
  InvitationView,
  InvitedView,
  ReminderScheduleView,
  ResentView,
} from './invitations.views';

// Whole bodies as examples: the selection fields exclude each other, so per-field examples
// would combine into a body the route refuses.
const INVITE_EXAMPLES = {
  organizations: {
    summary: 'these organizations, with a note',
    value: {
      organizationIds: ['0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b'],
      note: 'Dear friends,\n\nWe would be **proud** to count you among the signers.',
    },
  },
  tag: { summary: 'every organization with a tag', value: { tag: 'press-freedom' } },
  tags: {
    summary: 'every organization with any of these tags',
    value: { tags: ['press-freedom', 'legal'] },
  },
  everyone: { summary: 'the whole directory', value: { allOrganizations: true } },
};

/** The one selection a body names; 400 naming organizationIds when it names none or two. */
function targetOf(dto: InviteDto): InviteTarget {
  const given = [dto.organizationIds, dto.tag, dto.tags, dto.allOrganizations].filter(
    (v) => v !== undefined,
  );
  if (given.length !== 1) {
    throw DomainError.invalid(
      'organizationIds',
      'give exactly one of organizationIds, tag, tags or allOrganizations',
    );
  }
  return dto.organizationIds
    ? { organizationIds: dto.organizationIds }
    : dto.tag !== undefined
      ? { tag: dto.tag }
      : dto.tags
        ? { tags: dto.tags }
        : { allOrganizations: true };
}

const REFUSED_NOTE = {
  status: 422,
  type: RefusedContentErrorView,
  description:
    'the letter is not open for sign-on, or the note uses Markdown letters do not (each construct with its line in `details`, field `note`)',
};

@ApiTags('invitations')
@ApiSignedIn()
@Controller('api')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly reminders: InvitationRemindersService,
    private readonly mailDocuments: MailPreviewDocuments,
  ) {}

  @Post('letters/:lid/invitations')
  @HttpCode(202)
  @Can(Action.InviteOrganizations)
  @ApiOperation({
    summary: 'Invite organizations to sign an open letter, each once, by email link',
  })
  @ApiBody({ type: InviteDto, examples: INVITE_EXAMPLES })
  @ApiAcceptedResponse({
    type: InvitedView,
    description: 'the invitations are made; their mail is queued',
  })
  @ApiResponse(REFUSED_NOTE)
  @ApiErrors(404, 413)
  inviteOrganizations(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: InviteDto,
  ): Promise<InvitedView> {
    return this.invitations.invite(lid, auth.user.id, targetOf(dto), dto.note);
  }

  @Post('letters/:lid/invitations/preview')
  @HttpCode(200)
  @Can(Action.InviteOrganizations)
  @ApiOperation({
    summary:
      'What inviting with this body would do, writing nothing: the exact mail (a placeholder for the link), the count, who is skipped',
  })
  @ApiBody({ type: InvitationPreviewDto, examples: INVITE_EXAMPLES })
  @ApiOkResponse({ type: InvitationPreviewView })
  @ApiResponse(REFUSED_NOTE)
  @ApiErrors(404, 413)
  async previewInvitations(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: InvitationPreviewDto,
  ): Promise<InvitationPreviewView> {
    const preview = await this.invitations.preview(
      lid,
      auth.user.id,
      targetOf(dto),
      dto.note,
      dto.organizationId,
    );
    if (!preview.mail) return { ...preview, mail: null };
    const kept = await this.mailDocuments.keep(auth.user.id, lid, preview.mail.html);
    const documentUrl = kept && `/api/letters/${lid}/invitations/preview/${kept}`;
    return { ...preview, mail: { ...preview.mail, documentUrl } };
  }

  @Get('letters/:lid/invitations/preview/:pid')
  @Can(Action.InviteOrganizations)
  @ApiOperation({
    summary:
      "A preview's mail as a document of its own, for a frame of the web app: its inline styles apply, nothing else loads or runs",
  })
  // Named here rather than with @ApiProduces, which would label the JSON errors as HTML too.
  @ApiOkResponse({
    description: `the mail's \`html\` exactly, \`Content-Security-Policy: ${MAIL_DOCUMENT_CSP}\`, never cached; kept ${MAIL_PREVIEW_TTL_S / 60} minutes for the person who previewed, until their next preview of the letter (then 404)`,
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiErrors(404)
  async previewDocument(
    @Param('lid') lid: string,
    @Param('pid') pid: string,
    @CurrentAuth() auth: RequestAuth,
    @Res() res: Response,
  ): Promise<void> {
    sendMailDocument(res, await this.mailDocuments.find(auth.user.id, lid, pid));
  }

  @Get('letters/:lid/reminders')
  @Can(Action.Read)
  @ApiOperation({
    summary: "When the letter's reminders go, and to which invitations, as things stand now",
  })
  @ApiOkResponse({ type: ReminderScheduleView })
  @ApiErrors(404)
  reminderSchedule(@Param('lid') lid: string): Promise<ReminderScheduleView> {
    return this.reminders.schedule(lid);
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
