import { PASSWORD_MAX, PASSWORD_MIN } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

/** Surrounding spaces are not part of an address (pasted "  a@b.org "). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A display name: some visible text, no control characters. */
export const NAME_PATTERN = /^(?=.*\S)[^\p{Cc}]*$/u;

export class RegisterDto {
  @ApiProperty({ example: 'lead@coalition.example' })
  @Trim()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, {
    message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
  })
  password: string;

  @ApiProperty({ example: 'Amina Diallo', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NAME_PATTERN, { message: 'must contain visible text and no control characters' })
  name: string;
}

export class LoginDto {
  @ApiProperty({ example: 'lead@coalition.example' })
  @Trim()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` })
  password: string;
}
