import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { errorBody } from './error-body';

interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens nested validation errors into `a.b[0].c` paths. */
function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = error.constraints
      ? [
          {
            field,
            problems: Object.values(error.constraints).map((p) => rephrase(p, error.property)),
          },
        ]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// class-validator starts messages with the property ("to must be an email"); the field
// now leads the whole message, so drop it here. Unknown fields get a plainer sentence.
function rephrase(problem: string, property: string): string {
  if (/^property .+ should not exist$/.test(problem)) return 'is not an accepted field';
  return problem.startsWith(`${property} `) ? problem.slice(property.length + 1) : problem;
}

/**
 * A body read into a DTO class must be one JSON object: an array would otherwise be read
 * as an object with fields `0`, `1`... and refused as `[0]: is not an accepted field`.
 */
class BodyObjectValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata) && Array.isArray(value)) {
      throw new BadRequestException(errorBody(400, 'body: expected a JSON object'));
    }
    return super.transform(value, metadata);
  }
}

/**
 * The global pipe: unknown fields are refused, types converted, and a 400 whose message
 * starts with the first offending field (`email: must be an email`), all in `details`.
 */
export function validationPipe(): ValidationPipe {
  return new BodyObjectValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const first = problems[0];
      const message = first ? `${first.field}: ${first.problems[0]}` : 'invalid input';
      return new BadRequestException(errorBody(400, message, problems));
    },
  });
}
