import { isTimeZone, PASSWORD_MAX, PASSWORD_MIN, stripDisguising } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

// The validation rules that several request bodies share, written once.

/** The largest value of an `integer` column on PostgreSQL: every integer input stays within. */
export const INT32_MAX = 2_147_483_647;

/** A display name: some visible text, no control characters. */
const NAME_PATTERN = /^(?=.*\S)[^\p{Cc}]*$/u;

/**
 * A person's, workspace's or campaign's name. Others read it (mail From: names, sign pages,
 * CSV, PDF), so it is cleaned as it arrives: bidi overrides, zero-width and other
 * disguising characters are removed (stripDisguising, as for signer names).
 */
export const NameField = (max = 200) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? stripDisguising(value) : value,
    ),
    IsString(),
    MaxLength(max),
    Matches(NAME_PATTERN, { message: 'must contain visible text and no control characters' }),
  );

/** An email address; surrounding spaces (a pasted "  a@b.org ") are not part of it. */
export const EmailField = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsEmail({}, { message: 'must be an email address' }),
    MaxLength(320),
  );

/** A password being chosen: 10 to 256 characters (the upper bound protects the hasher). */
export const NewPasswordField = () =>
  applyDecorators(
    IsString(),
    Length(PASSWORD_MIN, PASSWORD_MAX, {
      message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
    }),
  );

/**
 * An IANA time zone name Intl knows (`America/New_York`, `Europe/Paris`, `UTC`). With
 * @IsOptional, absent and null pass (null: "the default", the workspace's or the config's).
 */
export const TimeZoneField = () =>
  applyDecorators(
    ValidateBy({
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => isTimeZone(value),
        defaultMessage: () =>
          'must be an IANA time zone name such as America/New_York, Europe/Paris or UTC',
      },
    }),
  );

/**
 * A field a partial update may leave out, but may not set to null: unlike @IsOptional()
 * (which lets null through unchecked), null is validated like any other value, so it is a
 * 400 naming the field rather than a null reaching a service or a NOT NULL column.
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
