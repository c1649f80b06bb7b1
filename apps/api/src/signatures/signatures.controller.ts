import {
  Action,
  atLeast,
  minimumRole,
  seesDeliveredNames,
  SignaturesService,
  type MembershipEntity,
} from '@app/domain';
import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import {
  ActivityQueryDto,
  ManualSignatureDto,
  SignaturesCsvQueryDto,
  SignaturesQueryDto,
  UpdateSignatureDto,
} from './signatures.dto';
import { ApiErrors, ApiPagedList, ApiSignedIn } from '../http/openapi/responses';
import {
  ActivityEventView,
  LetterChainVerificationView,
  LetterStatsView,
  PrivateSignatureView,
  SignatureView,
  SignOnCurveView,
} from './signatures.views';

const may = (membership: MembershipEntity, action: Action) =>
  atLeast(membership.role, minimumRole[action]);

@ApiTags('tracking')
@ApiSignedIn()
@Controller('api')
export class SignaturesController {
  constructor(private readonly signatures: SignaturesService) {}

  @Get('letters/:lid/signatures')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'Sign-ons by time of signing; the total in X-Total-Count. Coordinators also see private details, and the delivered-only and anonymous ones',
  })
  @ApiPagedList(SignatureView)
  @ApiErrors(404)
  async listSignatures(
    @Param('lid') lid: string,
    @Query() query: SignaturesQueryDto,
    @CurrentMembership() membership: MembershipEntity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignatureView[]> {
    const { items, total } = await this.signatures.list(lid, query, {
      private: may(membership, Action.ViewActivity),
      delivered: seesDeliveredNames(membership.role),
    });
    res.setHeader('X-Total-Count', String(total));
    return items;
  }

  @Post('letters/:lid/signatures')
  @Can(Action.ModerateSignatures)
  @ApiOperation({ summary: 'Record a sign-on received offline (source "manual"), confirmed' })
  @ApiCreatedResponse({ type: PrivateSignatureView })
  // 409: the organization already has a live sign-on, or its name is taken on this letter;
  // 422: the letter is not published, or is final.
  @ApiErrors(404, 409, 413, 422)
  addManualSignature(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: ManualSignatureDto,
  ): Promise<PrivateSignatureView> {
    return this.signatures.addManual(lid, auth.user.id, dto);
  }

  @Patch('signatures/:sid')
  @Can(Action.ModerateSignatures)
  @ApiOperation({
    summary: 'Approve ({status:"confirmed"}), reject, or correct displayName; the signer is told',
  })
  @ApiOkResponse({ type: PrivateSignatureView })
  // 409: approving would give the organization two live sign-ons, or the name is taken;
  // 422: the letter is final.
  @ApiErrors(404, 409, 413, 422)
  updateSignature(
    @Param('sid') sid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: UpdateSignatureDto,
  ): Promise<PrivateSignatureView> {
    return this.signatures.update(sid, auth.user.id, dto);
  }

  @Get('letters/:lid/stats')
  @Can(Action.Read)
  @ApiOperation({ summary: "The tracking page's numbers: invitations and sign-ons by status" })
  @ApiOkResponse({ type: LetterStatsView })
  @ApiErrors(404)
  letterStats(@Param('lid') lid: string): Promise<LetterStatsView> {
    return this.signatures.stats(lid);
  }

  @Get('letters/:lid/sign-on-curve')
  @Can(Action.Read)
  @ApiOperation({ summary: 'Confirmed sign-ons over time, sampled for a chart' })
  @ApiOkResponse({ type: SignOnCurveView })
  @ApiErrors(404)
  signOnCurve(@Param('lid') lid: string): Promise<SignOnCurveView> {
    return this.signatures.signOnCurve(lid);
  }

  @Get('letters/:lid/signatures.csv')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'CSV: scope public or delivered (the named list of that edition), or all (coordinators: every detail)',
  })
  // The 200 names its media type itself: @ApiProduces would label the JSON errors as CSV too.
  @ApiOkResponse({
    description: 'UTF-8 CSV, `Content-Disposition: attachment` with a file name',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  })
  // 403 also for a scope above the caller's role.
  @ApiErrors(404)
  async exportSignaturesCsv(
    @Param('lid') lid: string,
    @Query() query: SignaturesCsvQueryDto,
    @CurrentMembership() membership: MembershipEntity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const mayExport = may(membership, Action.Export);
    const scope = query.scope ?? (mayExport ? 'all' : 'public');
    if (scope === 'all' && !mayExport) {
      throw new ForbiddenException(
        `scope: all needs the ${minimumRole[Action.Export]} role or higher; you are ${membership.role}`,
      );
    }
    if (scope === 'delivered' && !seesDeliveredNames(membership.role)) {
      throw new ForbiddenException(
        `scope: delivered names organizations that asked to be named only to the officials; it needs the ${minimumRole[Action.RenderPdf]} role or higher; you are ${membership.role}`,
      );
    }
    const { filename, text } = await this.signatures.csv(lid, scope);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return text;
  }

  @Get('letters/:lid/activity')
  @Can(Action.ViewActivity)
  @ApiOperation({ summary: "The letter's audit events, newest first; ?before=<seq> pages back" })
  @ApiOkResponse({ type: [ActivityEventView] })
  @ApiErrors(404)
  letterActivity(
    @Param('lid') lid: string,
    @Query() query: ActivityQueryDto,
  ): Promise<ActivityEventView[]> {
    return this.signatures.activity(lid, query);
  }

  @Get('letters/:lid/audit/verify')
  @Can(Action.ViewAudit)
  @ApiOperation({ summary: "Recomputes the hash chain of the letter's workspace" })
  @ApiOkResponse({ type: LetterChainVerificationView })
  @ApiErrors(404)
  verifyAuditChain(@Param('lid') lid: string): Promise<LetterChainVerificationView> {
    return this.signatures.verifyLetterChain(lid);
  }
}
