import { Role, roles } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

// A join link's answers as the OpenAPI document names them.

export class JoinWorkspaceView {
  @ApiProperty({ format: 'uuid', example: '7c1e4b2a-9d3f-4a6e-8b5c-2f1a0e9d8c7b' })
  id!: string;

  @ApiProperty({ example: 'Press Freedom Coalition' })
  name!: string;
}

/** GET /api/join/:token: what accepting the link would do. */
export class JoinLinkView {
  @ApiProperty({ type: JoinWorkspaceView })
  workspace!: JoinWorkspaceView;

  @ApiProperty({ example: 'nadia@fpu.example', description: 'the address the link was sent to' })
  email!: string;

  @ApiProperty({ enum: roles, enumName: 'Role', example: Role.Coordinator })
  role!: Role;

  @ApiProperty({ format: 'date-time', example: '2026-12-10T09:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({
    example: false,
    description: 'the address has an account already: then the password must be its own',
  })
  hasAccount!: boolean;
}

export class JoinedUserView {
  @ApiProperty({ format: 'uuid', example: '3a9b7c5d-1e2f-4a6b-8c0d-9e8f7a6b5c4d' })
  id!: string;

  @ApiProperty({ example: 'nadia@fpu.example' })
  email!: string;

  @ApiProperty({ example: 'Nadia Benali' })
  name!: string;
}

/** POST /api/join/:token: the member, signed in. */
export class JoinAccepted {
  @ApiProperty({ type: JoinedUserView })
  user!: JoinedUserView;

  @ApiProperty({
    example: 'q8Xz3vN0bLk2Yt6Rw9Pm4Hs7Jd1Fg5Ca0Ee2Ui8Oo3Q',
    description: 'a session token for the Authorization header (Bearer)',
  })
  token!: string;
}
