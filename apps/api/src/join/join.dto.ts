import { PASSWORD_MAX, PASSWORD_MIN } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { NameField, NewPasswordField } from '../http/fields';

export class AcceptJoinDto {
  @ApiProperty({
    maxLength: 200,
    example: 'Amani Okafor',
    description: 'ignored when the address already has an account',
  })
  @NameField()
  name: string;

  @ApiProperty({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    example: 'correct horse battery staple',
  })
  @NewPasswordField()
  password: string;
}
