import { ApiProperty } from '@nestjs/swagger';

/**
 * One signed-in session of the account, as its owner sees it: never its token. The API
 * stores no user agent or IP address, so neither is shown.
 */
export class AccountSessionView {
  @ApiProperty({ format: 'uuid', example: '5d1f0c3a-9b2e-4e7a-8c61-2f4b7d9e0a15' })
  id: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:30:00.000Z' })
  createdAt: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-03T14:02:00.000Z',
    description: 'to within a minute (it is written at most once a minute)',
  })
  lastUsedAt: string;

  @ApiProperty({
    format: 'date-time',
    example: '2027-01-02T14:02:00.000Z',
    description: 'unless used again before then (the expiry slides)',
  })
  expiresAt: string;

  @ApiProperty({ example: true, description: 'the session making this request' })
  current: boolean;
}

/** The answer to a password-reset request: the same whether or not the address has an account. */
export class PasswordResetRequestedView {
  @ApiProperty({
    example:
      'If an account has this address, a link to choose a new password is on its way. It works for one hour.',
  })
  message: string;
}

/** A password chosen through a reset link. */
export class PasswordResetDoneView {
  @ApiProperty({
    example: 'Your password was changed and every session was signed out; sign in with it.',
  })
  message: string;
}
