import { SignOnService } from '@app/domain';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';

/** An invited organization's link, as JSON (no account; the token is the credential). */
@ApiTags('sign-on')
@Public()
@Controller('api/sign/:token')
export class SignController {
  constructor(private readonly signOn: SignOnService) {}

  @Get()
  @ApiOperation({
    summary:
      'The letter exactly as published, for this organization (404 unknown, 410 revoked or closed)',
  })
  view(@Param('token') token: string) {
    return this.signOn.view(token);
  }

  @Post('opened')
  @HttpCode(204)
  @ApiOperation({ summary: 'The page was opened by a person (never recorded on a bare GET)' })
  async opened(@Param('token') token: string): Promise<void> {
    await this.signOn.markOpened(token);
  }
}
