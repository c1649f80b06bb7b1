import {
  Action,
  DomainError,
  DomainErrorCode,
  MembershipEntity,
  RenditionsService,
  seesDeliveredNames,
} from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { resolve } from 'node:path';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import { contentDisposition } from '../http/content-disposition';
import { errorBody } from '../http/error-body';
import { RenditionFileQueryDto, RequestRenditionDto } from './renditions.dto';
import { ApiSignedIn } from '../http/openapi/responses';

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
  request(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: RequestRenditionDto,
  ) {
    return this.renditions.request(lid, auth.user.id, dto);
  }

  @Get('letters/:lid/renditions')
  @Can(Action.Read)
  @ApiOperation({ summary: "The letter's renditions, newest first" })
  list(@Param('lid') lid: string) {
    return this.renditions.list(lid);
  }

  @Get('renditions/:rid')
  @Can(Action.Read)
  @ApiOperation({ summary: 'Status, progress, and the files once done' })
  get(@Param('rid') rid: string) {
    return this.renditions.get(rid);
  }

  @Post('renditions/:rid/retry')
  @HttpCode(202)
  @Can(Action.RenderPdf)
  @ApiOperation({ summary: 'Queue a failed rendition again' })
  retry(@Param('rid') rid: string, @CurrentAuth() auth: RequestAuth) {
    return this.renditions.retry(rid, auth.user.id);
  }

  @Get('renditions/:rid/file')
  @Can(Action.Read)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'Download the PDF (?addressee=i for a per-addressee rendition); the delivery edition names signers who asked to be named only to the officials, so it is for coordinators',
  })
  async file(
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
