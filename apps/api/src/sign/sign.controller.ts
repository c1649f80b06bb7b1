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
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi/responses';
import { LinkMissLimiter } from './link-miss.limiter';
import { requestMeta } from './request-meta';
import { DeclineDto, DelegateDto, SignOnDto } from './sign-on.dto';
import { SignOnDeclined, SignOnDelegated, SignOnOutcome, SignOnView } from './sign-on.views';

/**
 * An organization's sign-on link as JSON (no account; the token is the credential). The
 * HTML page at /sign/:token does the same through the same services.
 */
@ApiTags('sign-on')
@ApiParam({
  name: 'token',
  description: 'the link’s token, from the invitation or confirmation email',
  example: 'Qm9va3NhcmVncmVhdC4uLnJlYWxseSBncmVhdA',
})
@Public()
@UseInterceptors(LinkMissLimiter)
@Controller('api/sign/:token')
export class SignController {
  constructor(
    private readonly signOn: SignOnService,
    private readonly delegation: DelegationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The letter exactly as published, and this organization’s sign-on' })
  @ApiOkResponse({ type: SignOnView })
  @ApiErrors(404, 410)
  view(@Param('token') token: string) {
    return this.signOn.view(token);
  }

  @Post()
  @ApiOperation({
    summary: 'Sign on (201), or repeat/change the sign-on (200, same signature); 422 when closed',
  })
  @ApiCreatedResponse({ type: SignOnOutcome, description: 'signed on' })
  @ApiOkResponse({ type: SignOnOutcome, description: 'a repeat, or a change of the sign-on' })
  @ApiErrors(404, 409, 410, 422)
  async sign(
    @Param('token') token: string,
    @Body() body: SignOnDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.signOn.sign(token, body, requestMeta(req));
    res.status(outcome.created ? 201 : 200);
    return { signature: outcome.signature };
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the invitation, with an optional reason' })
  @ApiOkResponse({ type: SignOnDeclined })
  @ApiErrors(404, 410, 422)
  decline(@Param('token') token: string, @Body() body: DeclineDto) {
    return this.signOn.decline(token, body);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the sign-on; only while the letter is open (else 422)' })
  @ApiOkResponse({ type: SignOnOutcome })
  @ApiErrors(404, 410, 422)
  async withdraw(@Param('token') token: string) {
    return { signature: await this.signOn.withdraw(token) };
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm an open sign-on request, or the newly published text (idempotent)',
  })
  @ApiOkResponse({ type: SignOnOutcome })
  @ApiErrors(404, 409, 410, 422)
  async confirm(@Param('token') token: string) {
    return { signature: await this.signOn.confirm(token) };
  }

  @Post('delegate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pass the invitation to a colleague: they get a fresh link, this one stops working',
  })
  @ApiOkResponse({ type: SignOnDelegated })
  @ApiErrors(404, 410, 422)
  delegate(@Param('token') token: string, @Body() body: DelegateDto) {
    return this.delegation.delegate(token, body);
  }

  @Post('opened')
  @HttpCode(204)
  @ApiOperation({ summary: 'The page was opened by a person (never recorded on a bare GET)' })
  @ApiNoContentResponse({ description: 'recorded, or already known' })
  @ApiErrors(404, 410)
  async opened(@Param('token') token: string): Promise<void> {
    await this.signOn.markOpened(token);
  }
}
