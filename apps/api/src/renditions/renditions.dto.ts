import { renditionEditions, renditionVariants } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class RequestRenditionDto {
  @ApiPropertyOptional({
    enum: renditionVariants,
    enumName: 'RenditionVariant',
    default: 'combined',
  })
  @IsOptional()
  @IsIn(renditionVariants)
  variant?: (typeof renditionVariants)[number];

  @ApiPropertyOptional({
    enum: renditionEditions,
    enumName: 'RenditionEdition',
    default: 'delivery',
  })
  @IsOptional()
  @IsIn(renditionEditions)
  edition?: (typeof renditionEditions)[number];
}

export class RenditionFileQueryDto {
  @ApiPropertyOptional({
    example: 0,
    description: 'the addressee (0-based) of a per-addressee rendition',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(99)
  addressee?: number;
}
