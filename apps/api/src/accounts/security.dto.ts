import { PASSWORD_MAX, PASSWORD_MIN } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { EmailField, NewPasswordField } from '../http/fields';

const newPassword = {
  minLength: PASSWORD_MIN,
  maxLength: PASSWORD_MAX,
  example: 'a longer passphrase than before',
  description: "the same rules as registration's password",
};

export class ChangePasswordDto {
  @ApiProperty({ example: 'correct horse battery staple', maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` })
  currentPassword: string;

  @ApiProperty(newPassword)
  @NewPasswordField()
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'lead@coalition.example' })
  @EmailField()
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({
    example: 'q3Jx0vB9yLr2TzW8mN4kPa6sDf1GhJk5LzXc7Vb0NmQ',
    description: 'the `token` of the mailed link',
    maxLength: 200,
  })
  @IsString()
  @MaxLength(200)
  token: string;

  @ApiProperty(newPassword)
  @NewPasswordField()
  newPassword: string;
}
