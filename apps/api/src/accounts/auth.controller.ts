import { AppConfig } from '@app/config';
import { AccountsService, type SignedIn } from '@app/domain';
import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentAuth, Public, type RequestAuth } from '../auth/auth.decorators';
import { clearSessionCookies, setSessionCookies } from '../auth/session-cookies';
import { LoginThrottled } from '../auth/throttling';
import { LoginDto, RegisterDto } from './accounts.dto';
import { SessionView, UserView } from './accounts.views';
import { userView } from './user.view';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';

/** Login and registration also set the web UI's cookies; a bearer client may ignore them. */
const SESSION_COOKIES = {
  'Set-Cookie': {
    description: 'the httpOnly session cookie and the readable CSRF cookie (web UI)',
    schema: { type: 'string' },
  },
};

@ApiTags('accounts')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Public()
  @LoginThrottled()
  @Post('register')
  @ApiOperation({
    summary: 'Create an account; answers its token (and session cookies)',
    description:
      'An address that already has an account gets 409, unless the password is its own: then this signs in.',
  })
  @ApiCreatedResponse({ type: SessionView, headers: SESSION_COOKIES })
  @ApiErrors(409)
  async register(
    @Body() dto: RegisterDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionView> {
    return this.signedIn(await this.accounts.register(dto), res);
  }

  @Public()
  @LoginThrottled()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; unknown email and wrong password answer alike' })
  @ApiOkResponse({ type: SessionView, headers: SESSION_COOKIES })
  @ApiErrors(401)
  async login(
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionView> {
    return this.signedIn(await this.accounts.login(dto), res);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiSignedIn()
  @ApiOperation({ summary: 'Revoke the current token' })
  @ApiNoContentResponse({ description: 'the token stops working; the cookies are cleared' })
  async logout(@CurrentAuth() auth: RequestAuth, @Res({ passthrough: true }) res: Response) {
    await this.accounts.logout(auth.session);
    clearSessionCookies(res);
  }

  @Get('me')
  @ApiSignedIn()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentAuth() auth: RequestAuth): UserView {
    return userView(auth.user);
  }

  private signedIn({ user, token }: SignedIn, res: Response): SessionView {
    setSessionCookies(res, this.config, token, this.accounts.csrfTokenFor(token));
    return { user: userView(user), token };
  }
}
