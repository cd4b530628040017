import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findAction, shortcutText, type Action, type ActionId } from '../actions/registry';
import { useServices, useUi } from '../app/context';

const ITEM = '[role="menuitem"]:not([disabled]), [role="menuitemradio"]:not([disabled])';

/**
 * A toolbar menu of registered actions (File in browser mode, Layout), so labels,
 * shortcuts and enabled states agree with the palette and the keys. Actions that are
 * toggles are radio items, checked when pressed. `separators` go before those indexes.
 */
export function ActionMenu({
  label,
  id,
  items: ids,
  separators = [],
  icon,
}: {
  label: string;
  id: string;
  items: readonly ActionId[];
  separators?: readonly number[];
  icon?: ReactNode;
}) {
  const { session } = useServices();
  const items: Action[] = ids.map(findAction);
  // Only whether each item is enabled or checked: not a redraw on every other change.
  const enabled = useUi(useShallow((s) => items.map((action) => action.isEnabled(s))));
  const checked = useUi(useShallow((s) => items.map((action) => action.isPressed?.(s))));
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const first = menu.current?.querySelector<HTMLElement>(ITEM);
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
    const enabled = [...(menu.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
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
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        {label}
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label={label}
          className="menu"
          onKeyDown={onKeyDown}
        >
          {items.map((action, i) => {
            const keys = shortcutText(action);
            const radio = action.isPressed !== undefined;
            return (
              <div key={action.id}>
                {separators.includes(i) && <div role="separator" className="menu-separator" />}
                <button
                  type="button"
                  role={radio ? 'menuitemradio' : 'menuitem'}
                  aria-checked={radio ? Boolean(checked[i]) : undefined}
                  title={action.describe?.(session.store.getState())}
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
