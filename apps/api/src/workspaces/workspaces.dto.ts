import { Role, roles } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { NAME_PATTERN, Trim } from '../accounts/accounts.dto';

export class WorkspaceNameDto {
  @ApiProperty({ example: 'Press Freedom Coalition', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NAME_PATTERN, { message: 'must contain visible text and no control characters' })
  name: string;
}

const roleMessage = { message: `must be one of ${roles.join(', ')}` };

export class AddMemberDto {
  @ApiProperty({ example: 'editor@coalition.example' })
  @Trim()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: Role })
  @IsIn(roles, roleMessage)
  role: Role;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: Role })
  @IsIn(roles, roleMessage)
  role: Role;
}
