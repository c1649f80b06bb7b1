import { ApiProperty } from '@nestjs/swagger';

/** An account as the API shows it: never its password hash or sessions. */
export class UserView {
  @ApiProperty({ format: 'uuid', example: '0b7c5d0e-8f3a-4c1e-9d2b-6a4f1e3c2b10' })
  id: string;

  @ApiProperty({
    format: 'email',
    example: 'amina.diallo@coalition.example',
    description: 'lower-cased',
  })
  email: string;

  @ApiProperty({ example: 'Amina Diallo' })
  name: string;
}

/** A signed-in session: the account, and the bearer token for the next requests. */
export class SessionView {
  @ApiProperty({ type: () => UserView })
  user: UserView;

  @ApiProperty({
    example: 'q3Jx0vB9yLr2TzW8mN4kPa6sDf1GhJk5LzXc7Vb0NmQ',
    description: 'opaque (not a JWT); send it as `Authorization: Bearer <token>`',
  })
  token: string;
}
