import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../error-body';

/** The one error shape (shared/design/api.md), as the OpenAPI document names it. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request', description: 'the status text' })
  error!: string;

  @ApiProperty({
    example: 'content.title: must be at most 300 characters',
    description: 'what went wrong, starting with the field it concerns when there is one',
  })
  message!: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'per-field or per-row problems, when there are several',
    example: [
      {
        field: 'content.body',
        line: 3,
        construct: 'table',
        problems: ['line 3: tables are not allowed'],
      },
    ],
  })
  details?: unknown[];

  @ApiPropertyOptional({
    example: '2f1c7a9e-3b7d-4c43-9a57-51b2d1a0c0de',
    description: 'on a 500 only: the id under which the failure is logged',
  })
  errorId?: string;
}
