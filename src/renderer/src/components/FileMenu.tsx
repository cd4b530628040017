import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findAction, shortcutText } from '../actions/registry';
import { useServices, useUi } from '../app/context';
import { MENU_COMMANDS } from '../../../shared/menu-commands';

// The same commands, in the same order, as the desktop app's File menu.
const ITEMS = MENU_COMMANDS.map(findAction);

/**
 * The File menu for browser mode; the desktop app has it in its own menu bar. It runs
 * the same registered actions, so labels, shortcuts and enabled states agree everywhere.
 */
export function FileMenu() {
  const { session } = useServices();
  // Only whether each item is enabled: the menu does not redraw on every other change.
  const enabled = useUi(useShallow((s) => ITEMS.map((action) => action.isEnabled(s))));
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const first = menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])');
    first?.focus();
    const onDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const enabled = [
      ...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const index = enabled.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => enabled[(to + enabled.length) % enabled.length]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(enabled.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className="toggle-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'file-menu' : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        File
      </button>
      {open && (
        <div
          ref={menu}
          id="file-menu"
          role="menu"
          aria-label="File"
          className="menu"
          onKeyDown={onKeyDown}
        >
          {ITEMS.map((action, i) => {
            const keys = shortcutText(action);
            return (
              <div key={action.id}>
                {i === 2 && <div role="separator" className="menu-separator" />}
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  tabIndex={-1}
                  disabled={!enabled[i]}
                  onClick={() => {
                    close(false);
                    action.perform(session);
                  }}
                >
                  <span>{action.label}</span>
                  {keys && <kbd>{keys}</kbd>}
                </button>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
