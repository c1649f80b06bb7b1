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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import {
  ActivityQueryDto,
  ManualSignatureDto,
  SignaturesCsvQueryDto,
  SignaturesQueryDto,
  UpdateSignatureDto,
} from './signatures.dto';
import { ApiSignedIn } from '../http/openapi/responses';

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
  async list(
    @Param('lid') lid: string,
    @Query() query: SignaturesQueryDto,
    @CurrentMembership() membership: MembershipEntity,
    @Res({ passthrough: true }) res: Response,
  ) {
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
  addManual(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: ManualSignatureDto,
  ) {
    return this.signatures.addManual(lid, auth.user.id, dto);
  }

  @Patch('signatures/:sid')
  @Can(Action.ModerateSignatures)
  @ApiOperation({
    summary: 'Approve ({status:"confirmed"}), reject, or correct displayName; the signer is told',
  })
  update(
    @Param('sid') sid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: UpdateSignatureDto,
  ) {
    return this.signatures.update(sid, auth.user.id, dto);
  }

  @Get('letters/:lid/stats')
  @Can(Action.Read)
  stats(@Param('lid') lid: string) {
    return this.signatures.stats(lid);
  }

  @Get('letters/:lid/signatures.csv')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'CSV: scope public or delivered (the named list of that edition), or all (coordinators: every detail)',
  })
  async csv(
    @Param('lid') lid: string,
    @Query() query: SignaturesCsvQueryDto,
    @CurrentMembership() membership: MembershipEntity,
    @Res({ passthrough: true }) res: Response,
  ) {
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
  activity(@Param('lid') lid: string, @Query() query: ActivityQueryDto) {
    return this.signatures.activity(lid, query);
  }

  @Get('letters/:lid/audit/verify')
  @Can(Action.ViewAudit)
  @ApiOperation({ summary: "Recomputes the hash chain of the letter's workspace" })
  verify(@Param('lid') lid: string) {
    return this.signatures.verifyLetterChain(lid);
  }
}
