import { renditionEditions, type RenditionEdition } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Revision numbers are stored as 32-bit integers; anything larger cannot exist. */
const MAX_REVISION = 2_147_483_647;

export class PreviewQueryDto {
  @ApiPropertyOptional({
    description: 'the revision to show; default: the latest (the current draft)',
    minimum: 1,
    maximum: MAX_REVISION,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_REVISION)
  revision?: number;
}

export class PreviewPdfQueryDto extends PreviewQueryDto {
  @ApiPropertyOptional({
    enum: renditionEditions,
    description:
      'which sign-ons are named, as in that edition of the final PDF; default: delivery for coordinators and above, public for the others (the delivery edition is for coordinators)',
  })
  @IsOptional()
  @IsIn(renditionEditions)
  edition?: RenditionEdition;
}
