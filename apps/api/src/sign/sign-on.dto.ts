import {
  visibilities,
  type DeclineCommand,
  type DelegateCommand,
  type OpenSignOnCommand,
  type SignOnCommand,
  type Visibility,
} from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CleansOwnText } from '../http/text-input.pipe';

// Here only the shape and the types, so that a wrong one is a 400 naming the field before
// anything is looked up. The text is cleaned and limited in the domain (signer-input.ts):
// the limit that counts is on the text as printed, after invisible characters are removed,
// so the raw text may be up to four times longer. The messages are the domain's own, so
// that a form page and a JSON client read the same words.

const text = { message: 'must be text' };
const within = (max: number) => MaxLength(max * 4, { message: `at most ${max} characters` });

/** A required text field, limited to `max` characters once cleaned. */
const RequiredText = (max: number) =>
  applyDecorators(IsDefined({ message: 'required' }), IsString(text), within(max));

/** An optional text field (absent, null or empty mean none). */
const OptionalText = (max: number) => applyDecorators(IsOptional(), IsString(text), within(max));

const agreed = (what: string) => Equals(true, { message: `must be true: ${what}` });

const cleaned = (max: number, extra = '') =>
  `at most ${max} characters once invisible and disguising characters are removed${extra}`;

@CleansOwnText()
export class SignOnDto implements SignOnCommand {
  @ApiProperty({
    example: 'Reporters Without Borders',
    maxLength: 1200,
    description: cleaned(300, '; printed exactly so under the letter'),
  })
  @RequiredText(300)
  displayName!: string;

  @ApiProperty({ example: 'Clothilde Dupont', maxLength: 800, description: cleaned(200) })
  @RequiredText(200)
  signerName!: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Advocacy Director',
    maxLength: 800,
    nullable: true,
    description: cleaned(200),
  })
  @OptionalText(200)
  signerTitle?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'FR',
    maxLength: 400,
    nullable: true,
    description: 'ISO 3166-1 alpha-2, either case',
  })
  @OptionalText(100)
  country?: string | null;

  @ApiPropertyOptional({
    enum: visibilities,
    enumName: 'Visibility',
    nullable: true,
    example: 'public',
    description: 'one the letter allows (see `visibilities`); the first of those when absent',
  })
  @IsOptional()
  @IsIn(visibilities, { message: `must be one of ${visibilities.join(', ')}` })
  visibility?: Visibility | null;

  @ApiProperty({ type: Boolean, enum: [true], description: 'agrees to `consentText`' })
  @agreed('agree to the consent statement to sign on')
  consent!: boolean;

  @ApiProperty({
    type: Boolean,
    enum: [true],
    description: 'the signer is authorized to sign for the organization',
  })
  @agreed('confirm you are authorized to sign')
  authorized!: boolean;
}

@CleansOwnText()
export class OpenSignOnDto extends SignOnDto implements OpenSignOnCommand {
  @ApiProperty({
    example: 'c.dupont@rsf.example',
    maxLength: 1280,
    description: 'where the confirmation email goes; ' + cleaned(320),
  })
  @RequiredText(320)
  signerEmail!: string;

  @ApiPropertyOptional({
    type: String,
    example: 'https://rsf.example',
    maxLength: 2000,
    nullable: true,
  })
  @OptionalText(500)
  website?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: 2000,
    nullable: true,
    description: 'leave out or empty: a field the form hides from people, to catch robots',
  })
  @OptionalText(500)
  homepage?: string | null;
}

@CleansOwnText()
export class DeclineDto implements DeclineCommand {
  @ApiPropertyOptional({
    type: String,
    example: 'Our board has not met before the deadline.',
    maxLength: 4000,
    nullable: true,
    description: cleaned(1000, '; the coordinators read it'),
  })
  @OptionalText(1000)
  reason?: string | null;
}

@CleansOwnText()
export class DelegateDto implements DelegateCommand {
  @ApiProperty({ example: 'amina.diallo@rsf.example', maxLength: 1280, description: cleaned(320) })
  @RequiredText(320)
  email!: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Clothilde Dupont',
    maxLength: 800,
    nullable: true,
    description: cleaned(200, '; the colleague is told who passed the invitation on'),
  })
  @OptionalText(200)
  fromName?: string | null;
}
