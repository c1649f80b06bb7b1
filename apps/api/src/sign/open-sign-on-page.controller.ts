import { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode, OpenSignOnService } from '@app/domain';
import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { OpenSignOnThrottled } from '../auth/throttling';
import { formError } from '../views/form-error';
import {
  openSignOnModel,
  openSignOnPage,
  openSignOnSent,
  type OpenSubmitted,
} from '../views/open-sign-on.pages';
import { openSignOnForm, ticked, typed } from './form-fields';
import { PageErrorFilter } from './page-error.filter';
import { sendPage } from './page-response';
import { bodyObject, requestMeta } from './request-meta';
import { checkOrigin } from './sign-form-check';

const TEXT_FIELDS = [
  'displayName',
  'signerName',
  'signerEmail',
  'signerTitle',
  'country',
  'website',
  'visibility',
];

/**
 * The open sign-on form as a page (/s/:letterId), twin of /api/s/:letterId. Whatever the
 * directory holds, an accepted request answers the same "check your email" page.
 */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorFilter)
@Controller('s/:letterId')
export class OpenSignOnPageController {
  constructor(
    private readonly openSignOn: OpenSignOnService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Param('letterId') letterId: string, @Res() res: Response): Promise<void> {
    const published = await this.openSignOn.letter(letterId);
    sendPage(res, {
      status: 200,
      title: published.content.title,
      template: openSignOnPage,
      context: openSignOnModel(published),
    });
  }

  @Post()
  @OpenSignOnThrottled()
  async request(
    @Param('letterId') letterId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = bodyObject(body);
    checkOrigin(req, this.config);
    const published = await this.openSignOn.letter(letterId);
    try {
      await this.openSignOn.request(letterId, openSignOnForm(form), requestMeta(req));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === DomainErrorCode.Invalid)) throw error;
      const submitted: OpenSubmitted = {
        values: Object.fromEntries(TEXT_FIELDS.map((key) => [key, typed(form, key)])),
        checked: { authorized: ticked(form, 'authorized'), consent: ticked(form, 'consent') },
        error: formError(error.message),
      };
      return sendPage(res, {
        status: 400,
        title: published.content.title,
        template: openSignOnPage,
        context: openSignOnModel(published, submitted),
      });
    }
    sendPage(res, {
      status: 202,
      title: 'Check your email',
      template: openSignOnSent,
      context: { letterId },
    });
  }
}
