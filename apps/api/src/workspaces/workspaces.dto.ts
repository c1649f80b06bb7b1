import { Role, roles } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EmailField, NameField } from '../http/fields';

export class WorkspaceNameDto {
  @ApiProperty({ example: 'Press Freedom Coalition', maxLength: 200 })
  @NameField()
  name: string;
}

const roleMessage = { message: `must be one of ${roles.join(', ')}` };

export class AddMemberDto {
  @ApiProperty({ example: 'editor@coalition.example' })
  @EmailField()
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
