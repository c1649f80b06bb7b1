import { AppConfig } from '@app/config';
import { AccountsService, JoinService } from '@app/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import { validate } from 'class-validator';
import { Public } from '../auth/auth.decorators';
import { setSessionCookies } from '../auth/session-cookies';
import { LinkMissLimiter } from '../sign/link-miss.limiter';
import type { Page } from '../sign/page-response';
import { PageInterceptor } from '../sign/page.interceptor';
import { orRefusedForm } from '../sign/refused-form';
import { joinDone, joinForm } from '../views/join.pages';
import { AcceptJoinDto } from './join.dto';
import { JoinProblemFilter } from './join-problem.filter';

/**
 * The link in a member invitation email, as pages for people (/join/:token); the JSON
 * twin is JoinController. GET never changes anything; accepting is a POST. Unknown and
 * spent links are counted (LinkMissLimiter) and shown as pages (JoinProblemFilter).
 */
@ApiExcludeController()
@Public()
@UseInterceptors(LinkMissLimiter, PageInterceptor)
@UseFilters(JoinProblemFilter)
@Controller('join/:token')
export class JoinPageController {
  constructor(
    private readonly join: JoinService,
    private readonly accounts: AccountsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Param('token') token: string): Promise<Page> {
    const invitation = await this.join.describe(token);
    return {
      status: 200,
      title: `Join ${invitation.workspace.name}`,
      template: joinForm,
      context: { ...this.formContext(invitation), error: '', name: '' },
    };
  }

  @Post()
  @HttpCode(200)
  async submit(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page> {
    const invitation = await this.join.describe(token);
    const dto = plainToInstance(AcceptJoinDto, {
      name: typeof body.name === 'string' ? body.name : '',
      password: typeof body.password === 'string' ? body.password : '',
    });
    const context = { ...this.formContext(invitation), name: dto.name };
    const refused = (message: string): Page => ({
      status: 400,
      title: `Join ${invitation.workspace.name}`,
      template: joinForm,
      context: { ...context, error: message },
    });
    const [first] = await validate(dto);
    if (first) {
      return refused(
        `${first.property}: ${Object.values(first.constraints ?? {})[0] ?? 'invalid'}`,
      );
    }
    return orRefusedForm(async () => {
      // Accepting signs in (as the JSON twin does): the cookies the web app uses, so the
      // page's link opens the workspace signed in, with or without JavaScript.
      const accepted = await this.join.accept(token, dto);
      setSessionCookies(
        res,
        this.config,
        accepted.token,
        this.accounts.csrfTokenFor(accepted.token),
      );
      return {
        status: 200,
        title: `Welcome to ${invitation.workspace.name}`,
        template: joinDone,
        context: { ...context, home: `/w/${invitation.workspace.id}` },
      };
    }, refused);
  }

  private formContext(invitation: Awaited<ReturnType<JoinService['describe']>>) {
    return {
      workspace: invitation.workspace.name,
      role: invitation.role,
      email: invitation.email,
      hasAccount: invitation.hasAccount,
      expires: invitation.expiresAt.toUTCString(),
    };
  }
}
