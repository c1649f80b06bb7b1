import { Clock, PublicLetterService } from '@app/domain';
import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { publicLetterModel, publicLetterPage } from '../views/public-letter.pages';
import { PageErrorFilter } from './page-error.filter';
import { sendPage } from './page-response';

/** The public letter as a page (/l/:letterId), twin of /api/l/:letterId. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorFilter)
@Controller('l/:letterId')
export class PublicLetterPageController {
  constructor(
    private readonly publicLetter: PublicLetterService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(@Param('letterId') letterId: string, @Res() res: Response): Promise<void> {
    const view = await this.publicLetter.view(letterId);
    sendPage(res, {
      status: 200,
      title: view.title,
      template: publicLetterPage,
      context: publicLetterModel(view, this.clock.now()),
    });
  }
}
