import { DomainError } from '@app/domain';
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { statusOf } from '../http/domain-status';
import { TooManyLinkMisses } from '../sign/link-miss.limiter';
import { sendPage } from '../sign/page-response';
import { joinProblem } from '../views/join.pages';

/**
 * A join page's refusals as pages: an unknown or spent link (404, 410), too many of them
 * from one client (429). Anything else is the API's (JSON, with an errorId on a 500).
 */
@Catch(DomainError, TooManyLinkMisses)
export class JoinProblemFilter implements ExceptionFilter {
  catch(exception: DomainError | TooManyLinkMisses, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof TooManyLinkMisses) {
      const heading = 'Too many attempts';
      const message = 'Too many unknown or expired links were tried. Wait a minute and try again.';
      return sendPage(res, {
        status: 429,
        title: heading,
        template: joinProblem,
        context: { heading, message },
      });
    }
    const status = statusOf(exception);
    const heading = status === 410 ? 'This link can no longer be used' : 'This link is not valid';
    sendPage(res, {
      status,
      title: heading,
      template: joinProblem,
      context: { heading, message: exception.message.replace(/^token: /, '') },
    });
  }
}
