import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { preparePage, type Page } from './page-response';

/**
 * The one way a page leaves: a page controller's handlers answer a Page, and this renders
 * it with its status and headers (preparePage). Errors become pages in PageErrorFilter.
 */
@Injectable()
export class PageInterceptor implements NestInterceptor<Page, string> {
  intercept(context: ExecutionContext, next: CallHandler<Page>): Observable<string> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((page) => preparePage(res, page)));
  }
}
