import { useEffect, useRef } from 'react';
import { useServices } from '../app/context';

/**
 * A category's colour dot that is also its colour picker: choosing a colour sets it for
 * the category (one undoable change, kept in the graph file).
 */
export function CategoryColour({ id, label, color }: { id: string; label: string; color: string }) {
  const { session } = useServices();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    // The DOM's "change" fires once the picker closes; React's onChange would fire on
    // every step of a drag across the colour field, each an undoable change.
    const commit = () => void session.view.setCategoryColour(id, element.value);
    element.addEventListener('change', commit);
    return () => element.removeEventListener('change', commit);
  }, [session, id]);
  return (
    <label
      className="swatch swatch-picker"
      style={{ backgroundColor: color }}
      title={`Colour of ${label}`}
    >
      <input
        ref={input}
        type="color"
        aria-label={`Colour of ${label}`}
        defaultValue={color.toLowerCase()}
        key={color}
      />
    </label>
  );
}
