/** A key press that runs an action. `mod` is Ctrl, or Cmd on a Mac (either is accepted). */
export interface Shortcut {
  key: string;
  mod?: boolean;
  alt?: boolean;
  /** Required for shortcuts with `mod`; others ignore Shift (so `+` works on any layout). */
  shift?: boolean;
  /** Also works while a text field has focus (e.g. Ctrl+K). */
  inTextFields?: boolean;
}

export function matches(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (Boolean(shortcut.mod) !== mod || Boolean(shortcut.alt) !== event.altKey) return false;
  if (
    (shortcut.mod || shortcut.shift !== undefined) &&
    Boolean(shortcut.shift) !== event.shiftKey
  ) {
    return false;
  }
  return event.key.toLowerCase() === shortcut.key.toLowerCase();
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
};

/** How a shortcut is written in a tooltip, e.g. "Ctrl+K" or "⌘K". */
export function describe(shortcut: Shortcut): string {
  const key =
    KEY_NAMES[shortcut.key] ??
    (shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key);
  const parts: string[] = [];
  if (shortcut.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (shortcut.alt) parts.push(isMac ? '⌥' : 'Alt');
  if (shortcut.shift) parts.push(isMac ? '⇧' : 'Shift');
  parts.push(key);
  return isMac ? parts.join('') : parts.join('+');
}

/** Text fields keep their own keys; only shortcuts marked for them reach actions. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
  }
  return false;
}
