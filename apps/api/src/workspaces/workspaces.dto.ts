import { Role, roles } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EmailField, NameField, TimeZoneField } from '../http/fields';
import { ROLE_PROPERTY } from './workspaces.views';

export class WorkspaceNameDto {
  @ApiProperty({ example: 'Press Freedom Coalition', maxLength: 200 })
  @NameField()
  name: string;
}

export class CreateWorkspaceDto extends WorkspaceNameDto {
  @ApiPropertyOptional({
    type: String,
    example: 'America/New_York',
    description: 'IANA time zone of deadlines and times shown; default: DEFAULT_TIME_ZONE',
  })
  @IsOptional()
  @TimeZoneField()
  timeZone?: string | null;
}

export class UpdateWorkspaceDto {
  @ApiPropertyOptional({ example: 'Press Freedom Coalition', maxLength: 200 })
  @IsOptional()
  @NameField()
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'America/New_York',
    description: 'IANA time zone of deadlines and times shown; null: back to DEFAULT_TIME_ZONE',
  })
  @IsOptional()
  @TimeZoneField()
  timeZone?: string | null;
}

const roleMessage = { message: `must be one of ${roles.join(', ')}` };

export class AddMemberDto {
  @ApiProperty({ example: 'editor@coalition.example' })
  @EmailField()
  email: string;

  @ApiProperty(ROLE_PROPERTY)
  @IsIn(roles, roleMessage)
  role: Role;
}

export class ChangeRoleDto {
  @ApiProperty(ROLE_PROPERTY)
  @IsIn(roles, roleMessage)
  role: Role;
}
