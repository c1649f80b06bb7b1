import { deadlineFields, OpenSignOnService, PublicLetterService } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { OpenSignOnThrottled } from '../auth/throttling';
import { bodyObject, requestMeta } from './request-meta';

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
  @ApiOperation({ summary: 'A letter open to sign-on by anyone (404 unless openSignOn)' })
  async letter(@Param('letterId') letterId: string) {
    const { letter, content, revision, settings, workspace, open, timeZone } =
      await this.openSignOn.letter(letterId);
    return {
      letter: {
        id: letter.id,
        title: content.title,
        content,
        revision,
        deadline: letter.deadline,
        ...deadlineFields(letter.deadline, timeZone),
      },
      workspace: workspace.name,
      open,
      visibilities: settings.visibilities,
      requireApproval: settings.requireApproval,
    };
  }

  @Post('s/:letterId')
  @HttpCode(202)
  @OpenSignOnThrottled()
  @ApiOperation({
    summary:
      'Ask to sign: 202 and a confirmation email, whatever the directory holds (no enumeration)',
  })
  async request(@Param('letterId') letterId: string, @Body() body: unknown, @Req() req: Request) {
    await this.openSignOn.request(letterId, bodyObject(body), requestMeta(req));
    return { status: 'check_email' };
  }

  @Get('l/:letterId')
  @ApiOperation({ summary: 'The public letter: its text and its public signatories' })
  view(@Param('letterId') letterId: string) {
    return this.publicLetter.view(letterId);
  }
}
