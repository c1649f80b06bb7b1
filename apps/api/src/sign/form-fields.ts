import { FORM_CHECK_FIELD } from './sign-form-check';

/**
 * An HTML form as the JSON the services take: a ticked checkbox ("on") is `true`, an empty
 * field is left out (as an absent optional one), the form check is not a field. Anything
 * else goes through as sent, so the services refuse it with the JSON twin's message.
 */
export function formToJson(
  body: Record<string, unknown>,
  checkboxes: string[] = [],
): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === FORM_CHECK_FIELD || value === '') continue;
    json[key] = checkboxes.includes(key) && value === 'on' ? true : value;
  }
  return json;
}

/** A field's text as typed, to show it again in a refused form. */
export function typed(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

export function ticked(body: Record<string, unknown>, key: string): boolean {
  return body[key] === 'on' || body[key] === true;
}
