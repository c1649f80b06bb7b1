import { AppConfig } from '@app/config';
import { OpenSignOnService } from '@app/domain';
import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
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
import type { Page } from './page-response';
import { PageInterceptor } from './page.interceptor';
import { orRefusedForm } from './refused-form';
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
@UseInterceptors(PageInterceptor)
@Controller('s/:letterId')
export class OpenSignOnPageController {
  constructor(
    private readonly openSignOn: OpenSignOnService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Param('letterId') letterId: string): Promise<Page> {
    const published = await this.openSignOn.letter(letterId);
    return {
      status: 200,
      title: published.content.title,
      template: openSignOnPage,
      context: openSignOnModel(published),
    };
  }

  @Post()
  @OpenSignOnThrottled()
  async request(
    @Param('letterId') letterId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<Page> {
    const form = bodyObject(body);
    checkOrigin(req, this.config);
    const published = await this.openSignOn.letter(letterId);
    return orRefusedForm(
      async () => {
        await this.openSignOn.request(letterId, openSignOnForm(form), requestMeta(req));
        return {
          status: 202,
          title: 'Check your email',
          template: openSignOnSent,
          context: { letterId },
        };
      },
      (message) => {
        const submitted: OpenSubmitted = {
          values: Object.fromEntries(TEXT_FIELDS.map((key) => [key, typed(form, key)])),
          checked: { authorized: ticked(form, 'authorized'), consent: ticked(form, 'consent') },
          error: formError(message),
        };
        return {
          status: 400,
          title: published.content.title,
          template: openSignOnPage,
          context: openSignOnModel(published, submitted),
        };
      },
    );
  }
}
