import { DomainError, JoinService } from '@app/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  Param,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { statusOf } from '../http/domain-status';
import { isDeadToken, LinkMissLimiter } from '../sign/link-miss.limiter';
import { joinDone, joinForm, joinProblem } from '../views/join.pages';
import { PAGE_CSP, renderPage } from '../views/render-page';
import { AcceptJoinDto } from './join.dto';

/**
 * The link in a member invitation email, as pages for people (/join/:token); the JSON
 * twin is JoinController. GET never changes anything; accepting is a POST.
 */
@ApiExcludeController()
@Public()
@UseInterceptors(LinkMissLimiter)
@Controller('join/:token')
export class JoinPageController {
  constructor(
    private readonly join: JoinService,
    private readonly misses: LinkMissLimiter,
  ) {}

  @Get()
  async page(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const invitation = await this.join.describe(token);
      this.send(res, 200, `Join ${invitation.workspace.name}`, joinForm, {
        ...this.formContext(invitation),
        error: '',
        name: '',
      });
    } catch (error) {
      await this.problem(req, res, error);
    }
  }

  @Post()
  @HttpCode(200)
  async submit(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    let invitation;
    try {
      invitation = await this.join.describe(token);
    } catch (error) {
      return this.problem(req, res, error);
    }
    const dto = plainToInstance(AcceptJoinDto, {
      name: typeof body.name === 'string' ? body.name : '',
      password: typeof body.password === 'string' ? body.password : '',
    });
    const problems = await validate(dto);
    const context = { ...this.formContext(invitation), name: dto.name };
    if (problems.length) {
      const first = problems[0];
      const message = `${first.property}: ${Object.values(first.constraints ?? {})[0] ?? 'invalid'}`;
      return this.send(res, 400, `Join ${invitation.workspace.name}`, joinForm, {
        ...context,
        error: message,
      });
    }
    try {
      await this.join.accept(token, dto);
    } catch (error) {
      if (error instanceof DomainError && statusOf(error) === 400) {
        return this.send(res, 400, `Join ${invitation.workspace.name}`, joinForm, {
          ...context,
          error: error.message,
        });
      }
      return this.problem(req, res, error);
    }
    this.send(res, 200, `Welcome to ${invitation.workspace.name}`, joinDone, context);
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

  private async problem(req: Request, res: Response, error: unknown): Promise<void> {
    if (!(error instanceof DomainError)) throw error;
    if (isDeadToken(error)) {
      try {
        await this.misses.countMiss(req, res);
      } catch (limited) {
        if (!(limited instanceof HttpException)) throw limited;
        return this.send(res, 429, 'Too many attempts', joinProblem, {
          heading: 'Too many attempts',
          message: 'Too many unknown or expired links were tried. Wait a minute and try again.',
        });
      }
    }
    const status = statusOf(error);
    const heading = status === 410 ? 'This link can no longer be used' : 'This link is not valid';
    this.send(res, status, heading, joinProblem, {
      heading,
      message: error.message.replace(/^token: /, ''),
    });
  }

  private send(
    res: Response,
    status: number,
    title: string,
    template: string,
    context: object,
  ): void {
    res
      .status(status)
      .setHeader('Content-Security-Policy', PAGE_CSP)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Referrer-Policy', 'no-referrer')
      .type('html')
      .send(renderPage(title, template, context));
  }
}
