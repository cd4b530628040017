import { useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

export interface ComboOption {
  /** Unique among the options. */
  key: string;
  /** What the field holds once it is picked. */
  value: string;
  content: ReactNode;
  /** The accessible name, when `content` is more than text. */
  text: string;
}

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  options: ComboOption[];
  onPick?(option: ComboOption): void;
  placeholder?: string;
  maxLength?: number;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  /** Shown under the list when it has nothing to offer. */
  emptyText?: string;
  /** Close the list when its one option is exactly what is typed. */
  hideEcho?: boolean;
}

/**
 * A text field with suggestions (the ARIA combobox pattern): arrows move through
 * them, Enter or a click takes one, and free text is always allowed.
 */
export function Combobox({
  label,
  value,
  onChange,
  options,
  onPick,
  placeholder,
  maxLength,
  error,
  inputRef,
  autoFocus,
  emptyText,
  hideEcho = false,
}: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Nothing to suggest when the only option is what is typed already.
  const onlyEcho =
    hideEcho && options.length === 1 && options[0]!.value === value && options[0]!.text === value;
  const shown = open && !onlyEcho && (options.length > 0 || Boolean(emptyText && value.trim()));
  const activeIndex = active < options.length ? active : -1;

  const pick = (option: ComboOption) => {
    onChange(option.value);
    onPick?.(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) setOpen(true);
        const count = options.length;
        if (count === 0) return;
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        setActive(
          activeIndex < 0 ? (delta > 0 ? 0 : count - 1) : (activeIndex + delta + count) % count,
        );
        break;
      }
      case 'Enter':
        if (shown && activeIndex >= 0 && options[activeIndex]) {
          event.preventDefault();
          pick(options[activeIndex]);
        }
        break;
      case 'Escape':
        if (shown) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
        break;
    }
  };

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={placeholder}
        maxLength={maxLength}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul id={listId} role="listbox" aria-label={label} className="combobox-list">
          {options.map((option, index) => (
            <li
              key={option.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              aria-label={option.text}
              className="combobox-option"
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(option)}
            >
              {option.content}
            </li>
          ))}
          {options.length === 0 && emptyText && <li className="combobox-empty">{emptyText}</li>}
        </ul>
      )}
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
