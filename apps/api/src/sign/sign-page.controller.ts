import { AppConfig } from '@app/config';
import { DelegationService, SignOnService, type SignOnView } from '@app/domain';
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
import { formError } from '../views/form-error';
import { openedScript } from '../views/opened-script';
import { signPageModel, wantsOpenedBeacon, type SignPageInput } from '../views/sign-page.model';
import {
  confirmedModel,
  declinedModel,
  declinePageModel,
  delegatedModel,
  receiptModel,
  withdrawnModel,
} from '../views/sign-results.model';
import { declinePage, signPage, signResult } from '../views/sign.pages';
import { declineForm, delegateForm, signOnForm, ticked, typed } from './form-fields';
import { LinkMissLimiter } from './link-miss.limiter';
import { PageErrorFilter } from './page-error.filter';
import type { Page } from './page-response';
import { PageInterceptor } from './page.interceptor';
import { orRefusedForm } from './refused-form';
import { bodyObject, requestMeta } from './request-meta';
import { checkOrigin, checkSignForm, signFormToken } from './sign-form-check';

/**
 * The sign-on link as pages (/sign/:token), twin of /api/sign/:token: the same services,
 * messages and statuses. GET never changes anything; every change is a form POST carrying
 * the link's form check, and counts as the person opening the page.
 */
@ApiExcludeController()
@Public()
@UseInterceptors(LinkMissLimiter, PageInterceptor)
@UseFilters(PageErrorFilter)
@Controller('sign/:token')
export class SignPageController {
  constructor(
    private readonly signOn: SignOnService,
    private readonly delegation: DelegationService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Param('token') token: string): Promise<Page> {
    const view = await this.signOn.view(token);
    return this.signPage(200, view, { token, formToken: signFormToken(this.config, token) });
  }

  @Post()
  async sign(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<Page> {
    const form = await this.accept(req, token, body);
    const view = await this.signOn.view(token);
    return orRefusedForm(
      async () => {
        const outcome = await this.signOn.sign(token, signOnForm(form), requestMeta(req));
        return {
          status: outcome.created ? 201 : 200,
          title: 'Your sign-on',
          template: signResult,
          context: receiptModel(view, outcome, token),
        };
      },
      (message) =>
        this.signPage(400, view, {
          token,
          formToken: signFormToken(this.config, token),
          submitted: {
            values: Object.fromEntries(
              ['displayName', 'signerName', 'signerTitle', 'country', 'visibility'].map((key) => [
                key,
                typed(form, key),
              ]),
            ),
            checked: { authorized: ticked(form, 'authorized'), consent: ticked(form, 'consent') },
            error: formError(message),
          },
        }),
    );
  }

  @Post('withdraw')
  async withdraw(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<Page> {
    await this.accept(req, token, body);
    const view = await this.signOn.view(token);
    await this.signOn.withdraw(token);
    return {
      status: 200,
      title: 'Withdrawn',
      template: signResult,
      context: withdrawnModel(view, token),
    };
  }

  @Post('confirm')
  async confirm(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<Page> {
    await this.accept(req, token, body);
    const view = await this.signOn.view(token);
    const signature = await this.signOn.confirm(token);
    return {
      status: 200,
      title: 'Confirmed',
      template: signResult,
      context: confirmedModel(view, signature, token),
    };
  }

  @Get('decline')
  async declineForm(@Param('token') token: string): Promise<Page> {
    const view = await this.signOn.view(token);
    return {
      status: 200,
      title: `Decline: ${view.letter.title}`,
      template: declinePage,
      context: declinePageModel(view, { token, formToken: signFormToken(this.config, token) }),
      script: wantsOpenedBeacon(view) ? openedScript : undefined,
    };
  }

  @Post('decline')
  async decline(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<Page> {
    const form = await this.accept(req, token, body);
    const view = await this.signOn.view(token);
    return orRefusedForm(
      async () => {
        await this.signOn.decline(token, declineForm(form));
        return {
          status: 200,
          title: 'Declined',
          template: signResult,
          context: declinedModel(view, token),
        };
      },
      (message) => ({
        status: 400,
        title: `Decline: ${view.letter.title}`,
        template: declinePage,
        context: declinePageModel(view, {
          token,
          formToken: signFormToken(this.config, token),
          reason: typed(form, 'reason'),
          error: formError(message),
        }),
      }),
    );
  }

  @Post('delegate')
  async delegate(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<Page> {
    const form = await this.accept(req, token, body);
    const view = await this.signOn.view(token);
    return orRefusedForm(
      async () => {
        const { delegatedTo } = await this.delegation.delegate(token, delegateForm(form));
        return {
          status: 200,
          title: 'Passed on',
          template: signResult,
          context: delegatedModel(view, delegatedTo),
        };
      },
      (message) =>
        this.signPage(400, view, {
          token,
          formToken: signFormToken(this.config, token),
          delegateSubmitted: {
            email: typed(form, 'email'),
            fromName: typed(form, 'fromName'),
            error: formError(message),
          },
        }),
    );
  }

  /**
   * A form POST is taken only from this site and with this link's form check; it then
   * counts as the person opening the page (whatever became of the link: the action itself
   * answers for that).
   */
  private async accept(
    req: Request,
    token: string,
    body: unknown,
  ): Promise<Record<string, unknown>> {
    const form = bodyObject(body);
    checkOrigin(req, this.config);
    checkSignForm(this.config, token, form);
    await this.signOn.markOpened(token).catch(() => undefined);
    return form;
  }

  private signPage(status: number, view: SignOnView, input: SignPageInput): Page {
    return {
      status,
      title: view.letter.title,
      template: signPage,
      context: signPageModel(view, input),
      script: wantsOpenedBeacon(view) ? openedScript : undefined,
    };
  }
}
