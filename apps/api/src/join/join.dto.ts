import { PASSWORD_MAX, PASSWORD_MIN } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { NAME_PATTERN } from '../accounts/accounts.dto';

export class AcceptJoinDto {
  @ApiProperty({ maxLength: 200, description: 'ignored when the address already has an account' })
  @IsString()
  @MaxLength(200)
  @Matches(NAME_PATTERN, { message: 'must contain visible text and no control characters' })
  name: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, {
    message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
  })
  password: string;
}
