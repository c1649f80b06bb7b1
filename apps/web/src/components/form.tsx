import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type RefObject,
  type ReactNode,
  type SelectHTMLAttributes,
} from 'react';
import { firstInvalid, formErrors, type FormErrors } from '../api/errors';

const NONE: FormErrors = { fields: {} };

/**
 * A form's errors from the API, in the order its fields appear: after a refusal the first
 * invalid field takes the focus (or the form's message when no field is named).
 */
export function useFormErrors(order: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const [attempt, setAttempt] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const field = firstInvalid(errors, order);
    if (field) {
      formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
    } else if (errors.form) {
      alertRef.current?.focus();
    }
    // Only a new refusal (attempt) moves the focus, not a re-render.
  }, [attempt, errors, order]);

  const show = useCallback(
    (error: unknown) => {
      setErrors(formErrors(error, order));
      setAttempt((n) => n + 1);
    },
    [order],
  );
  const clear = useCallback(() => setErrors(NONE), []);
  return { errors, show, clear, alertRef, formRef };
}

/** The form-level message: announced, and focusable so a refusal can move focus to it. */
export function FormAlert({
  message,
  alertRef,
}: {
  message?: string;
  alertRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div ref={alertRef} tabIndex={-1} role="alert" className={message ? 'form-alert' : undefined}>
      {message}
    </div>
  );
}

interface FieldFrame {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** Label, control, hint and error, tied together with aria-describedby and aria-invalid. */
function Frame({
  name,
  label,
  error,
  hint,
  children,
}: FieldFrame & { children: (aria: object) => ReactNode }) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  name,
  label,
  error,
  hint,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame name={name} label={label} error={error} hint={hint}>
      {(aria) => <input {...input} {...aria} />}
    </Frame>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  children,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame name={name} label={label} error={error} hint={hint}>
      {(aria) => (
        <select {...select} {...aria}>
          {children}
        </select>
      )}
    </Frame>
  );
}
