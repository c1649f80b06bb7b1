import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { errorBody } from './error-body';

/**
 * Control characters no text field accepts: C0 and C1 controls and DEL, except tab,
 * line feed and carriage return (multi-line fields such as a letter's body keep them).
 * Fields that are one line (names) refuse those too, in their own rules.
 */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
/** No string anywhere may hold NUL: PostgreSQL refuses it in text. */
const NUL = /\0/u;

const child = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** The first string in `value` (keys included) that no field accepts, and why. */
export function badText(
  value: unknown,
  root = '',
  controls = CONTROL,
): { field: string; problem: string } | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [current, field] = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current, controls);
      if (problem) return { field: field || 'body', problem };
    } else if (Array.isArray(current)) {
      // Pushed last to first, so that the first bad item in document order is named.
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], child(field, i)]);
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const keyProblem = textProblem(key, controls);
        if (keyProblem) return { field: child(field, '(name)'), problem: keyProblem };
      }
      for (const [key, item] of entries.reverse()) stack.push([item, child(field, key)]);
    }
  }
  return null;
}

// Node 20 has String.prototype.isWellFormed; the ES2023 lib the project compiles with lacks it.
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

function textProblem(text: string, controls: RegExp): string | null {
  if (!isWellFormed(text)) return 'must be well-formed Unicode (a lone surrogate is not)';
  if (controls.test(text)) return 'must not contain control characters';
  return null;
}

/**
 * Runs before the ValidationPipe on every body and query: a string with a lone UTF-16
 * surrogate or a control character is refused with 400 naming its field, whatever the
 * route, before any validator (isEmail throws on lone surrogates) or query sees it.
 *
 * The sign-on forms (plain objects, or DTOs marked @CleansOwnText) keep their own rule for
 * names: control and disguising characters are cleaned out, not refused, so a signer's
 * pasted name still goes through (signer-input.ts). There only NUL is refused.
 */
const PLAIN = new Set<unknown>([Object, String, Number, Boolean, Array]);

const cleansOwnText = new WeakSet<object>();

/** Marks a body DTO whose text the domain cleans of control characters instead of refusing. */
export function CleansOwnText(): ClassDecorator {
  return (target) => {
    cleansOwnText.add(target);
  };
}

@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const typed =
      typeof metadata.metatype === 'function' &&
      !PLAIN.has(metadata.metatype) &&
      !cleansOwnText.has(metadata.metatype);
    const bad = badText(value, metadata.data ?? '', typed ? CONTROL : NUL);
    if (bad) {
      const message = `${bad.field}: ${bad.problem}`;
      throw new BadRequestException(
        errorBody(400, message, [{ field: bad.field, problems: [bad.problem] }]),
      );
    }
    return value;
  }
}
