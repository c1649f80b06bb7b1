import { AppConfig } from '@app/config';
import { AccountsService, type SignedIn } from '@app/domain';
import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentAuth, Public, type RequestAuth } from '../auth/auth.decorators';
import { clearSessionCookies, setSessionCookies } from '../auth/session-cookies';
import { LoginThrottled } from '../auth/throttling';
import { LoginDto, RegisterDto } from './accounts.dto';
import { userView, type UserView } from './user.view';
import { ApiSignedIn } from '../http/openapi/responses';

interface SessionView {
  user: UserView;
  token: string;
}

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
  @ApiOperation({ summary: 'Create an account; answers its token (and session cookies)' })
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
  async logout(@CurrentAuth() auth: RequestAuth, @Res({ passthrough: true }) res: Response) {
    await this.accounts.logout(auth.session.id);
    clearSessionCookies(res);
  }

  @Get('me')
  @ApiSignedIn()
  me(@CurrentAuth() auth: RequestAuth): UserView {
    return userView(auth.user);
  }

  private signedIn({ user, token }: SignedIn, res: Response): SessionView {
    setSessionCookies(res, this.config, token, this.accounts.csrfTokenFor(token));
    return { user: userView(user), token };
  }
}
