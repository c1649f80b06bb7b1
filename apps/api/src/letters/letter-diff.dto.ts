import { ApiProperty } from '@nestjs/swagger';

// The answer of GET /api/letters/:lid/diff, for the OpenAPI document (and so the web app's
// generated client). The shape is LettersService.diff's.

export class DiffRunDto {
  @ApiProperty({
    enum: ['added', 'removed', 'unchanged'],
    enumName: 'DiffRunType',
    example: 'added',
  })
  type: 'added' | 'removed' | 'unchanged';

  @ApiProperty({ example: ' now' })
  text: string;
}

export class FieldDiffDto {
  @ApiProperty({
    example: 'body',
    description: 'title, date, addressees[i], subject, salutation, body, closing, listHeading',
  })
  field: string;

  @ApiProperty({
    example: true,
    description: 'the field differs: its words, or only its formatting',
  })
  changed: boolean;

  @ApiProperty({
    type: [DiffRunDto],
    description: 'the text as read (the body rendered from Markdown): what to show people',
  })
  runs: DiffRunDto[];

  @ApiProperty({ type: [DiffRunDto], description: 'the field as written (the body in Markdown)' })
  sourceRuns: DiffRunDto[];

  @ApiProperty({ example: false, description: 'the source changed, the text as read did not' })
  formattingOnly: boolean;
}

export class TextChangeDto {
  @ApiProperty({ example: 412, description: 'words of the older revision, as read' })
  words: number;

  @ApiProperty({ example: 6, description: 'words removed plus words added' })
  changedWords: number;

  @ApiProperty({ example: 0.0146, description: 'changedWords / words' })
  share: number;
}

export class LetterDiffDto {
  @ApiProperty({ example: 1 })
  from: number;

  @ApiProperty({ example: 3 })
  to: number;

  @ApiProperty({ type: [FieldDiffDto] })
  fields: FieldDiffDto[];

  @ApiProperty({ example: false, description: 'something changed, and only formatting' })
  formattingOnly: boolean;

  @ApiProperty({ type: TextChangeDto })
  textChange: TextChangeDto;

  @ApiProperty({
    example: true,
    description: '`to` could be published over `from` as a correction (at most 2 % of the words)',
  })
  correctionAllowed: boolean;
}
