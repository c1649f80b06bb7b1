import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const visible = { message: 'must contain visible text and no control characters' };
/** Visible text, no control characters except line breaks and tabs (for multi-line fields). */
const TEXT = /^(?=[\s\S]*\S)(?:[^\p{Cc}]|[\t\n\r])*$/u;
/** Any text (may be empty), no control characters except line breaks and tabs. */
const ANY_TEXT = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;
const noControl = { message: 'must not contain control characters' };

export class AddresseeDto {
  @ApiPropertyOptional({ example: 'The Honorable', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(ANY_TEXT, noControl)
  honorific?: string;

  @ApiProperty({ example: 'Janet L. Yellen', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(TEXT, visible)
  name: string;

  @ApiPropertyOptional({ example: 'Secretary', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(ANY_TEXT, noControl)
  title?: string;

  @ApiPropertyOptional({ example: 'U.S. Department of the Treasury', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(ANY_TEXT, noControl)
  organization?: string;

  @ApiProperty({
    type: [String],
    maxItems: 8,
    example: ['1500 Pennsylvania Avenue NW', 'Washington, DC 20220'],
  })
  @IsArray()
  @ArrayMaxSize(8, { message: 'at most 8 address lines' })
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(ANY_TEXT, { each: true, ...noControl })
  addressLines: string[];

  @ApiPropertyOptional({
    example: 'Dear Madam Secretary,',
    maxLength: 300,
    description:
      'the greeting of the per-addressee PDF sent to this official; made from honorific, title and name when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(ANY_TEXT, noControl)
  salutation?: string;
}

/** The letter as written: `content` in shared/design/api.md. */
export class LetterContentDto {
  @ApiProperty({ maxLength: 300, example: 'Protect journalists and the free flow of information' })
  @IsString()
  @MaxLength(300)
  @Matches(TEXT, visible)
  title: string;

  @ApiProperty({ example: '2026-12-01', description: 'a real calendar date, YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  date: string;

  @ApiProperty({ type: [AddresseeDto], maxItems: 20, description: 'one or more to publish' })
  @IsArray()
  @ArrayMaxSize(20, { message: 'at most 20 addressees' })
  @ValidateNested({ each: true })
  @Type(() => AddresseeDto)
  addressees: AddresseeDto[];

  @ApiPropertyOptional({
    example: 'Re: Protecting journalists in detention',
    maxLength: 300,
    description:
      'the subject line, printed in bold between the addressees and the salutation exactly as written (include any "Re: "); no subject line when absent or blank',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(ANY_TEXT, noControl)
  subject?: string;

  @ApiProperty({ example: 'Dear Secretary Yellen and Secretary Blinken,', maxLength: 500 })
  @IsString()
  @MaxLength(500)
  @Matches(ANY_TEXT, noControl)
  salutation: string;

  @ApiProperty({
    description:
      'Markdown: paragraphs, ## and ### section headings, > quotes, bulleted and numbered lists ' +
      '(nested one level), bold, italic, http/https/mailto links. Anything else (tables, images, ' +
      'code, rules, raw HTML, # headings…) is refused with 422 naming the line (docs/letters.md).',
    maxLength: 100_000,
    example:
      'We, the undersigned organizations, write to urge you to act **without delay** to protect journalists who face detention for their work.\n\n## Our requests\n\n1. Release every journalist held for their reporting.\n2. Publish the number of journalists in detention.',
  })
  @IsString()
  @MaxLength(100_000)
  @Matches(ANY_TEXT, noControl)
  body: string;

  @ApiProperty({ example: 'Sincerely,', maxLength: 500 })
  @IsString()
  @MaxLength(500)
  @Matches(ANY_TEXT, noControl)
  closing: string;

  @ApiPropertyOptional({
    example: 'Signatories',
    maxLength: 200,
    description:
      'the heading over the list of signatories; when absent or blank the list follows the closing directly',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(ANY_TEXT, noControl)
  listHeading?: string;
}
