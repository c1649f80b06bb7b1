import { deadlineFields, OpenSignOnService, PublicLetterService } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { OpenSignOnThrottled } from '../auth/throttling';
import { ApiErrors } from '../http/openapi/responses';
import { requestMeta } from './request-meta';
import { OpenSignOnDto } from './sign-on.dto';
import { OpenSignOnRequested, OpenSignOnView, PublicLetterView } from './open-sign-on.views';

const letterId = ApiParam({
  name: 'letterId',
  format: 'uuid',
  example: '0f8e2a4c-6b1d-4f3a-8e5c-7d9b1a2c3e4f',
});

/** Letters anyone may read or ask to sign, when their settings allow it (JSON twins). */
@ApiTags('sign-on')
@Public()
@Controller('api')
export class OpenSignOnController {
  constructor(
    private readonly openSignOn: OpenSignOnService,
    private readonly publicLetter: PublicLetterService,
  ) {}

  @Get('s/:letterId')
  @letterId
  @ApiOperation({ summary: 'A letter open to sign-on by anyone (404 unless openSignOn)' })
  @ApiOkResponse({ type: OpenSignOnView })
  @ApiErrors(404)
  async letter(@Param('letterId') letterId: string): Promise<OpenSignOnView> {
    const { letter, content, revision, settings, workspace, open, timeZone } =
      await this.openSignOn.letter(letterId);
    return {
      letter: {
        id: letter.id,
        title: content.title,
        content,
        revision,
        deadline: letter.deadline?.toISOString() ?? null,
        ...deadlineFields(letter.deadline, timeZone),
      },
      workspace: workspace.name,
      open,
      visibilities: settings.visibilities,
      requireApproval: settings.requireApproval,
    };
  }

  @Post('s/:letterId')
  @letterId
  @HttpCode(202)
  @OpenSignOnThrottled()
  @ApiOperation({
    summary:
      'Ask to sign: 202 and a confirmation email, whatever the directory holds (no enumeration)',
  })
  @ApiAcceptedResponse({ type: OpenSignOnRequested })
  @ApiErrors(404, 422)
  async request(
    @Param('letterId') letterId: string,
    @Body() body: OpenSignOnDto,
    @Req() req: Request,
  ): Promise<OpenSignOnRequested> {
    await this.openSignOn.request(letterId, body, requestMeta(req));
    return { status: 'check_email' };
  }

  @Get('l/:letterId')
  @letterId
  @ApiOperation({ summary: 'The public letter: its text and its public signatories' })
  @ApiOkResponse({ type: PublicLetterView })
  @ApiErrors(404)
  view(@Param('letterId') letterId: string) {
    return this.publicLetter.view(letterId);
  }
}
