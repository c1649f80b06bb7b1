import { PasswordService } from '@app/domain';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentAuth, Public, type RequestAuth } from '../auth/auth.decorators';
import { LoginThrottled } from '../auth/throttling';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import {
  ChangePasswordDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
} from './security.dto';
import { PasswordResetDoneView, PasswordResetRequestedView } from './security.views';

const REQUESTED: PasswordResetRequestedView = {
  message:
    'If an account has this address, a link to choose a new password is on its way. It works for one hour.',
};

@ApiTags('accounts')
@Controller('api/auth')
export class PasswordController {
  constructor(private readonly passwords: PasswordService) {}

  @Post('password')
  @HttpCode(204)
  @ApiSignedIn()
  @ApiOperation({
    summary: 'Change the password',
    description:
      "Needs the current password (a wrong one is 400 naming `currentPassword`). Every other session of the account is revoked; this one stays signed in. The account's address gets a mail saying the password changed.",
  })
  @ApiNoContentResponse({ description: 'changed; the other sessions no longer work' })
  async change(@CurrentAuth() auth: RequestAuth, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(auth.user, auth.session.id, dto);
  }

  @Public()
  @LoginThrottled()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a link to choose a new password; the same answer for any address',
    description:
      'When the address has an account, it is mailed `PUBLIC_URL/reset-password?token=…`, a link that works once and for one hour; a newer request makes older links stop working. Answers no sooner than 250 ms either way, so the timing does not tell whether the address has an account. Counted like log-in attempts, per IP and per address.',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedView })
  @ApiErrors()
  async requestReset(@Body() dto: PasswordResetRequestDto): Promise<PasswordResetRequestedView> {
    await this.passwords.requestReset(dto.email);
    return REQUESTED;
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Choose a new password with a mailed link',
    description:
      'Spends the link and revokes every session of the account. An unknown token is 400 naming `token`; a used, superseded or expired one is 410 naming `token`.',
  })
  @ApiOkResponse({ type: PasswordResetDoneView })
  @ApiErrors(410)
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<PasswordResetDoneView> {
    await this.passwords.confirmReset(dto);
    return {
      message: 'Your password was changed and every session was signed out; sign in with it.',
    };
  }
}
