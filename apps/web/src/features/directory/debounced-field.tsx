import { useEffect, useState } from 'react';
import { TextField } from '../../components/form';

/**
 * A text field whose value lives in the URL: typing settles for 300 ms before it is
 * committed (one history entry per settled search, not per key), and a value changed from
 * outside (back, forward, a tag link) replaces what is shown.
 */
export function DebouncedField({
  name,
  label,
  hint,
  value,
  onSettle,
  type = 'search',
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  onSettle: (value: string) => void;
  type?: string;
}) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (committed !== value) {
    // The URL changed under us (back/forward, a link): show what it says.
    setCommitted(value);
    setText(value);
  }

  useEffect(() => {
    if (text === committed) return;
    const timer = setTimeout(() => {
      setCommitted(text);
      onSettle(text);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, committed, onSettle]);

  return (
    <TextField
      name={name}
      label={label}
      hint={hint}
      type={type}
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        // Enter commits at once, without waiting.
        if (e.key === 'Enter' && text !== committed) {
          setCommitted(text);
          onSettle(text);
        }
      }}
    />
  );
}
