import { Clock, PublicLetterService } from '@app/domain';
import { Controller, Get, Param, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { publicLetterModel, publicLetterPage } from '../views/public-letter.pages';
import { PageErrorFilter } from './page-error.filter';
import type { Page } from './page-response';
import { PageInterceptor } from './page.interceptor';

/** The public letter as a page (/l/:letterId), twin of /api/l/:letterId. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorFilter)
@UseInterceptors(PageInterceptor)
@Controller('l/:letterId')
export class PublicLetterPageController {
  constructor(
    private readonly publicLetter: PublicLetterService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(@Param('letterId') letterId: string): Promise<Page> {
    const view = await this.publicLetter.view(letterId);
    return {
      status: 200,
      title: view.title,
      template: publicLetterPage,
      context: publicLetterModel(view, this.clock.now()),
    };
  }
}
