import { isDatabaseUnavailable } from '@app/database';
import { DomainError } from '@app/domain';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { statusOf } from '../http/domain-status';
import { DATABASE_RETRY_AFTER_S } from '../http/http-exception.filter';
import { problemPage } from '../views/sign.pages';
import { sendPage } from './page-response';

const headings: Record<number, string> = {
  400: 'This form could not be accepted',
  403: 'This form was sent from another site',
  404: 'This page does not exist',
  409: 'Already signed on',
  410: 'This link can no longer be used',
  413: 'Too much text',
  422: 'This cannot be changed now',
  429: 'Too many attempts',
  503: 'Briefly unavailable',
};

const hints: Record<number, string> = {
  400: 'Go back to the page from your email, reload it, and send the form again.',
  403: 'Open the link from your email and send the form from that page.',
  404: 'Check that the whole link was copied from the email.',
  410: 'Ask the coordinators who invited you for a new link.',
  429: 'Wait a minute before trying again.',
  503: 'Nothing was lost: wait a few seconds, then send the form again.',
};

/**
 * The signer-facing pages' errors as pages, with the status the JSON twin would answer:
 * dead links (404, 410), closed letters (422), limits (429), refused forms (400, 403).
 */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    if (res.headersSent) return;
    const { status, message } = this.describe(exception, http.getRequest<Request>());
    if (status === 503) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    sendPage(res, {
      status,
      title: headings[status] ?? 'Something went wrong',
      template: problemPage,
      context: {
        heading: headings[status] ?? 'Something went wrong',
        message,
        hint: hints[status] ?? '',
      },
    });
  }

  private describe(exception: unknown, req: Request): { status: number; message: string } {
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(
        { reason: (exception as Error | undefined)?.message, method: req.method },
        'database unavailable: answered 503',
      );
      return { status: 503, message: 'Signatory cannot reach its database just now.' };
    }
    if (exception instanceof DomainError) {
      return { status: statusOf(exception), message: sentence(exception.message) };
    }
    if (exception instanceof HttpException) {
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload
          ? String(payload.message)
          : exception.message;
      return { status: exception.getStatus(), message: sentence(message) };
    }
    const errorId = randomUUID();
    this.logger.error(
      { err: exception, errorId, method: req.method, route: req.route as unknown },
      `unhandled error ${errorId}`,
    );
    return { status: 500, message: `Please try again later; quote ${errorId} when reporting it.` };
  }
}

/** `token: this link was withdrawn` → `This link was withdrawn.` */
function sentence(message: string): string {
  const text = message.replace(/^(token|letter|status|form|origin): /, '');
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
