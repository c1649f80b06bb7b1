import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
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
      ? [{ field, problems: Object.values(error.constraints).map((p) => rephrase(p, field)) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// class-validator says "property x should not exist"; keep the field first like the rest.
function rephrase(problem: string, field: string): string {
  return /^property .+ should not exist$/.test(problem)
    ? 'is not an accepted field'
    : problem.replace(new RegExp(`^${field.split('.').pop()} `), '');
}

/**
 * The global pipe: unknown fields are refused, types converted, and a 400 whose message
 * starts with the first offending field (`email: must be an email`), all in `details`.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
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
