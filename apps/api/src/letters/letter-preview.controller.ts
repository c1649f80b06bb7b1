import {
  Action,
  DomainError,
  DomainErrorCode,
  MembershipEntity,
  PreviewPdfService,
  seesDeliveredNames,
  SignOnPreviewService,
} from '@app/domain';
import { Controller, Get, Param, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentMembership } from '../auth/auth.decorators';
import { contentDisposition } from '../http/content-disposition';
import type { Page } from '../sign/page-response';
import { PageInterceptor } from '../sign/page.interceptor';
import { signPage } from '../views/sign.pages';
import { signPreviewModel } from '../views/sign-preview.model';
import { PreviewPdfQueryDto, PreviewQueryDto } from './letter-preview.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';

// No @ApiProduces here: it would also label the JSON error bodies as PDF or HTML. Each 200
// names its own media type instead.

/**
 * The proof before publishing: the final PDF and the sign page of any revision, draft
 * included, for whoever may read the draft. Rendered on request; nothing is stored or sent.
 */
@ApiTags('letters')
@ApiSignedIn()
@Controller('api')
export class LetterPreviewController {
  constructor(
    private readonly pdfPreviews: PreviewPdfService,
    private readonly pagePreviews: SignOnPreviewService,
  ) {}

  @Get('letters/:lid/preview.pdf')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'The final PDF of a revision (default: the current draft) as it would print now, watermarked "DRAFT — not for distribution" on every page, with the confirmed sign-ons, or sample names when there are none',
  })
  @ApiOkResponse({
    description: 'the PDF, `Content-Disposition: inline`, never cached',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  // 403 also for the delivery edition below coordinator; 422: the renderer refuses the input (a damaged letterhead).
  @ApiErrors(404, 422)
  async previewPdf(
    @Param('lid') lid: string,
    @Query() query: PreviewPdfQueryDto,
    @CurrentMembership() membership: MembershipEntity,
    @Res() res: Response,
  ): Promise<void> {
    const mayNameDelivered = seesDeliveredNames(membership.role);
    const edition = query.edition ?? (mayNameDelivered ? 'delivery' : 'public');
    if (edition === 'delivery' && !mayNameDelivered) {
      throw new DomainError(
        DomainErrorCode.Forbidden,
        'edition: the delivery edition is for coordinators; ask for the public edition',
      );
    }
    const preview = await this.pdfPreviews.render(lid, { revision: query.revision, edition });
    res
      .status(200)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader('Content-Disposition', contentDisposition('inline', preview.filename))
      .setHeader('Content-Length', String(preview.bytes.length))
      .setHeader('Cache-Control', 'no-store')
      .end(preview.bytes);
  }

  @Get('letters/:lid/preview')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'The sign-on page of a revision (default: the current draft) as an invited organization will see it, with a preview banner and a form that cannot be sent',
  })
  @ApiOkResponse({
    description: 'an HTML page, with the signer pages’ CSP and never cached or indexed',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiErrors(404)
  // The page goes out through the one page pipeline; its errors stay JSON, as documented.
  @UseInterceptors(PageInterceptor)
  async previewPage(@Param('lid') lid: string, @Query() query: PreviewQueryDto): Promise<Page> {
    const preview = await this.pagePreviews.view(lid, query.revision);
    return {
      status: 200,
      title: `Preview: ${preview.view.letter.title}`,
      template: signPage,
      context: signPreviewModel(preview),
    };
  }
}
