import { isTimeZone, PASSWORD_MAX, PASSWORD_MIN } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength, ValidateBy } from 'class-validator';

// The validation rules that several request bodies share, written once.

/** A display name: some visible text, no control characters. */
const NAME_PATTERN = /^(?=.*\S)[^\p{Cc}]*$/u;

/** A person's, workspace's or campaign's name. */
export const NameField = (max = 200) =>
  applyDecorators(
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
