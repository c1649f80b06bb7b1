import {
  pageSizes,
  signatoryOrders,
  visibilities,
  type PageSize,
  type SignatoryOrder,
  type Visibility,
} from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { TimeZoneField } from '../http/fields';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

/** Every field optional: used whole at creation and as a patch afterwards. */
export class LetterSettingsDto {
  @ApiPropertyOptional({ enum: signatoryOrders, enumName: 'SignatoryOrder' })
  @IsOptional()
  @IsIn(signatoryOrders, oneOf(signatoryOrders))
  signatoryOrder?: SignatoryOrder;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  numbered?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  showCountry?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  openSignOn?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireApproval?: boolean;

  @ApiPropertyOptional({ enum: visibilities, enumName: 'Visibility', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must allow at least one visibility' })
  @ArrayUnique()
  @IsIn(visibilities, { each: true, ...oneOf(visibilities) })
  visibilities?: Visibility[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  publicPage?: boolean;

  @ApiPropertyOptional({ enum: pageSizes, enumName: 'PageSize' })
  @IsOptional()
  @IsIn(pageSizes, oneOf(pageSizes))
  pageSize?: PageSize;

  @ApiPropertyOptional({ type: [Number], example: [7, 2] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  reminderDays?: number[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'America/New_York',
    description: "IANA time zone of the deadline; null: the workspace's",
  })
  @IsOptional()
  @TimeZoneField()
  timeZone?: string | null;
}
