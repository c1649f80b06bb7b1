import {
  Action,
  DomainError,
  DomainErrorCode,
  MembershipEntity,
  RenditionsService,
  seesDeliveredNames,
} from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { resolve } from 'node:path';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import { contentDisposition } from '../http/content-disposition';
import { errorBody } from '../http/error-body';
import { RenditionFileQueryDto, RequestRenditionDto } from './renditions.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { RenditionChangesView, RenditionView } from './renditions.views';

@ApiTags('final PDF')
@ApiSignedIn()
@Controller('api')
export class RenditionsController {
  constructor(private readonly renditions: RenditionsService) {}

  @Post('letters/:lid/renditions')
  @HttpCode(202)
  @Can(Action.RenderPdf)
  @ApiOperation({
    summary: 'Render the final PDF(s) of the published letter with its confirmed sign-ons',
  })
  @ApiAcceptedResponse({
    type: RenditionView,
    description: 'queued; poll GET /api/renditions/{rid}',
  })
  // 422: a draft has no final PDF.
  @ApiErrors(404, 413, 422)
  requestRendition(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: RequestRenditionDto,
  ): Promise<RenditionView> {
    return this.renditions.request(lid, auth.user.id, dto);
  }

  @Get('letters/:lid/renditions')
  @Can(Action.Read)
  @ApiOperation({ summary: "The letter's renditions, newest first" })
  @ApiOkResponse({ type: [RenditionView] })
  @ApiErrors(404)
  listRenditions(@Param('lid') lid: string): Promise<RenditionView[]> {
    return this.renditions.list(lid);
  }

  @Get('renditions/:rid')
  @Can(Action.Read)
  @ApiOperation({ summary: 'Status, progress, and the files once done' })
  @ApiOkResponse({ type: RenditionView })
  @ApiErrors(404)
  getRendition(@Param('rid') rid: string): Promise<RenditionView> {
    return this.renditions.get(rid);
  }

  @Get('renditions/:rid/changes')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'What changed since the previous finished rendition of the same letter and edition: signatories added, withdrawn, renamed; the delivery edition is for coordinators, as its file',
  })
  @ApiOkResponse({ type: RenditionChangesView })
  // 403 also for the delivery edition below coordinator: its names include the signers who
  // asked to be named only to the officials.
  @ApiErrors(404)
  changes(
    @Param('rid') rid: string,
    @CurrentMembership() membership: MembershipEntity,
  ): Promise<RenditionChangesView> {
    return this.renditions.changes(rid, membership.role);
  }

  @Post('renditions/:rid/retry')
  @HttpCode(202)
  @Can(Action.RenderPdf)
  @ApiOperation({ summary: 'Queue a failed rendition again' })
  @ApiAcceptedResponse({ type: RenditionView })
  // 422: only a failed rendition can be retried.
  @ApiErrors(404, 422)
  retryRendition(
    @Param('rid') rid: string,
    @CurrentAuth() auth: RequestAuth,
  ): Promise<RenditionView> {
    return this.renditions.retry(rid, auth.user.id);
  }

  @Get('renditions/:rid/file')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'Download the PDF (?addressee=i for a per-addressee rendition); the delivery edition names signers who asked to be named only to the officials, so it is for coordinators',
  })
  // The 200 names its media type itself: @ApiProduces would label the JSON errors as PDF too.
  @ApiOkResponse({
    description: 'the PDF, `Content-Disposition: attachment`, not cached',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  // 403 also for the delivery edition below coordinator; 404 also when the stored file is
  // missing; 422: the rendition is not done.
  @ApiErrors(404, 422)
  async downloadRendition(
    @Param('rid') rid: string,
    @Query() query: RenditionFileQueryDto,
    @CurrentMembership() membership: MembershipEntity,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.renditions.file(rid, query.addressee);
    if (file.edition === 'delivery' && !seesDeliveredNames(membership.role)) {
      throw new DomainError(
        DomainErrorCode.Forbidden,
        'edition: the delivery edition is for coordinators; ask for the public edition',
      );
    }
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition('attachment', file.filename));
    res.setHeader('Content-Length', String(file.bytes));
    res.setHeader('Cache-Control', 'private, no-store');
    res.sendFile(resolve(file.path), (error) => {
      // The row says done but the file is gone (FILES_DIR lost or moved): say so plainly.
      if (error && !res.headersSent) {
        res
          .status(404)
          .json(errorBody(404, 'file: the stored PDF is missing; render the letter again'));
      }
    });
  }
}
