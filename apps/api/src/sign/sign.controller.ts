import { DelegationService, SignOnService } from '@app/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { LinkMissLimiter } from './link-miss.limiter';
import { bodyObject, requestMeta } from './request-meta';

const signBody = {
  schema: {
    type: 'object',
    required: ['displayName', 'signerName', 'consent', 'authorized'],
    properties: {
      displayName: { type: 'string', maxLength: 300, description: 'exactly as it will be printed' },
      signerName: { type: 'string', maxLength: 200 },
      signerTitle: { type: 'string', maxLength: 200 },
      country: { type: 'string', example: 'FR', description: 'ISO 3166-1 alpha-2' },
      visibility: { type: 'string', enum: ['public', 'delivered', 'anonymous'] },
      consent: { type: 'boolean', enum: [true] },
      authorized: { type: 'boolean', enum: [true] },
    },
  },
};

/**
 * An organization's sign-on link as JSON (no account; the token is the credential). The
 * HTML page at /sign/:token does the same through the same services.
 */
@ApiTags('sign-on')
@Public()
@UseInterceptors(LinkMissLimiter)
@Controller('api/sign/:token')
export class SignController {
  constructor(
    private readonly signOn: SignOnService,
    private readonly delegation: DelegationService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The letter exactly as published, and this organization’s sign-on (404, 410)',
  })
  view(@Param('token') token: string) {
    return this.signOn.view(token);
  }

  @Post()
  @ApiBody(signBody)
  @ApiOperation({
    summary: 'Sign on (201), or repeat/change the sign-on (200, same signature); 422 when closed',
  })
  async sign(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.signOn.sign(token, bodyObject(body), requestMeta(req));
    res.status(outcome.created ? 201 : 200);
    return { signature: outcome.signature };
  }

  @Post('decline')
  @HttpCode(200)
  @ApiBody({
    schema: { type: 'object', properties: { reason: { type: 'string', maxLength: 1000 } } },
  })
  @ApiOperation({ summary: 'Decline the invitation, with an optional reason' })
  decline(@Param('token') token: string, @Body() body: unknown) {
    return this.signOn.decline(token, bodyObject(body));
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the sign-on; only while the letter is open (else 422)' })
  async withdraw(@Param('token') token: string) {
    return { signature: await this.signOn.withdraw(token) };
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm an open sign-on request, or the newly published text (idempotent)',
  })
  async confirm(@Param('token') token: string) {
    return { signature: await this.signOn.confirm(token) };
  }

  @Post('delegate')
  @HttpCode(200)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string' }, fromName: { type: 'string', maxLength: 200 } },
    },
  })
  @ApiOperation({
    summary: 'Pass the invitation to a colleague: they get a fresh link, this one stops working',
  })
  delegate(@Param('token') token: string, @Body() body: unknown) {
    return this.delegation.delegate(token, bodyObject(body));
  }

  @Post('opened')
  @HttpCode(204)
  @ApiOperation({ summary: 'The page was opened by a person (never recorded on a bare GET)' })
  async opened(@Param('token') token: string): Promise<void> {
    await this.signOn.markOpened(token);
  }
}
