import type { components } from './schema';

/** The API's error body: `{statusCode, error, message, details?, errorId?}`. */
export type ErrorBody = components['schemas']['ErrorBodyDto'];

/** A request the API refused or could not answer; `body` is its error body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** What a form shows: a message next to each named field, and one for the form itself. */
export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
}

/** "must be an email address" reads as a sentence under its label: "Must be an email address." */
const sentence = (text: string): string => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { message?: unknown }).message === 'string' &&
  typeof (value as { statusCode?: unknown }).statusCode === 'number';

/** `details` entries of a 400 from the validation pipe: `{field, problems: string[]}`. */
function detailProblem(detail: unknown): { field: string; problem: string } | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const { field, problems } = detail as { field?: unknown; problems?: unknown };
  if (typeof field !== 'string' || !Array.isArray(problems)) return undefined;
  const first: unknown = problems[0];
  return typeof first === 'string' ? { field, problem: first } : undefined;
}

/**
 * Maps what a request threw onto a form's fields. The API's message starts with the field
 * it concerns (`email: must be an email address`); `details` lists every field when there
 * are several. A field this form has goes next to that field; anything else (a 401, a 409,
 * a field the form does not show, a 5xx with its errorId, no answer at all) is the form's.
 */
export function formErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) {
    return {
      fields: {},
      form: 'The server could not be reached. Check your connection and try again.',
    };
  }
  const body = error.body;
  if (!isErrorBody(body)) {
    return { fields: {}, form: `The server answered ${error.status} without an explanation.` };
  }
  if (body.statusCode >= 500) {
    const id = body.errorId ? ` (error id ${body.errorId})` : '';
    return { fields: {}, form: `${sentence(body.message)} Something went wrong on our side${id}.` };
  }
  const result: FormErrors = { fields: {} };
  const unplaced: string[] = [];
  const place = (field: string, problem: string) => {
    if (fields.includes(field)) {
      result.fields[field] ??= sentence(problem);
    } else {
      unplaced.push(`${field}: ${problem}`);
    }
  };
  for (const detail of body.details ?? []) {
    const found = detailProblem(detail);
    if (found) place(found.field, found.problem);
  }
  const match = /^([\w.[\]]+): (.+)$/s.exec(body.message);
  if (match) {
    const [, field, problem] = match;
    if (!(field in result.fields) && !unplaced.some((u) => u.startsWith(`${field}: `))) {
      place(field, problem);
    }
  } else {
    unplaced.push(body.message);
  }
  if (unplaced.length > 0) result.form = sentence(unplaced[0]);
  return result;
}

/** The first field of `order` that has an error: the one to focus. */
export function firstInvalid(errors: FormErrors, order: readonly string[]): string | undefined {
  return order.find((field) => field in errors.fields);
}
