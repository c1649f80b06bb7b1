import { PASSWORD_MAX, PASSWORD_MIN } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { EmailField, NameField, NewPasswordField } from '../http/fields';

export class RegisterDto {
  @ApiProperty({ example: 'lead@coalition.example' })
  @EmailField()
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    example: 'correct horse battery staple',
  })
  @NewPasswordField()
  password: string;

  @ApiProperty({ example: 'Amina Diallo', maxLength: 200 })
  @NameField()
  name: string;
}

export class LoginDto {
  @ApiProperty({ example: 'lead@coalition.example' })
  @EmailField()
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` })
  password: string;
}
