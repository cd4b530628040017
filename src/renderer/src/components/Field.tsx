import { useId, type Ref } from 'react';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  multiline?: boolean;
  maxLength?: number;
  /** Shows "n / limit" once the text gets near the limit the server keeps. */
  limit?: number;
  placeholder?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  rows?: number;
}

/** A labelled text field; the server's sentence shows under it when it refused the value. */
export function Field({
  label,
  value,
  onChange,
  error,
  multiline,
  maxLength,
  limit,
  placeholder,
  autoFocus,
  inputRef,
  rows = 3,
}: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    value,
    maxLength,
    placeholder,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;
  const near = limit !== undefined && value.length > limit * 0.8;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {near && (
          <span className={value.length > limit ? 'field-count is-over' : 'field-count'}>
            {value.length.toLocaleString('en')} / {limit.toLocaleString('en')}
          </span>
        )}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type="text"
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
