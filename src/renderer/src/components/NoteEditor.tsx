import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { TEXT_LIMITS } from '../../../shared/validation';
import { useUi } from '../app/context';
import { useConceptSearch } from '../app/use-concept-search';
import { selectCategories } from '../state/selectors';
import {
  completeWikilink,
  linkableLabel,
  openWikilinkAt,
  type OpenWikilink,
} from '../markdown/wikilink-completion';
import { Swatch } from './Swatch';

interface Props {
  value: string;
  readOnly: boolean;
  onChange(value: string): void;
  onBlur(): void;
}

/**
 * The note's Write tab: a plain textarea in which typing `[[` lists the concepts to
 * link, found as search finds them. Arrows choose, Enter or Tab takes one, Esc closes
 * the list and leaves the text as typed.
 */
export function NoteEditor({ value, readOnly, onChange, onBlur }: Props) {
  const id = useId();
  const listId = `${id}-concepts`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState<OpenWikilink | null>(null);
  // The `[[` whose list was closed with Esc: it stays closed until another is typed.
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const hits = useConceptSearch(open?.query ?? '', 8).filter((hit) => linkableLabel(hit.label));
  const shown = open !== null && open.start !== closedAt && open.query.trim() !== '';
  const listed = shown && hits.length > 0;
  const activeIndex = Math.min(active, hits.length - 1);
  const categories = useUi(selectCategories);

  /** Reads the open `[[` at the caret after every change of text or caret. */
  const follow = (element: HTMLTextAreaElement) => {
    const next =
      element.selectionStart === element.selectionEnd
        ? openWikilinkAt(element.value, element.selectionStart)
        : null;
    if (next?.start !== open?.start || next?.query !== open?.query) setActive(0);
    setOpen(next);
    if (next === null || next.start !== closedAt) setClosedAt(null);
  };

  const pick = (label: string) => {
    const element = textarea.current;
    if (!element || !open) return;
    const done = completeWikilink(value, open, element.selectionStart, label);
    onChange(done.text);
    setOpen(null);
    // After React has put the new text in, the caret goes after the link.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(done.caret, done.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!listed) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + delta + hits.length) % hits.length);
        break;
      }
      case 'Enter':
      case 'Tab':
        event.preventDefault();
        pick(hits[activeIndex]!.label);
        break;
      case 'Escape':
        // The list closes; the panel (and the details) stay.
        event.preventDefault();
        event.stopPropagation();
        setClosedAt(open!.start);
        break;
    }
  };

  return (
    <div className="note-editor-wrap">
      <textarea
        ref={textarea}
        aria-label="Note"
        aria-autocomplete="list"
        aria-controls={listed ? listId : undefined}
        aria-activedescendant={listed ? `${listId}-${activeIndex}` : undefined}
        className="note-editor"
        value={value}
        maxLength={TEXT_LIMITS.note}
        readOnly={readOnly}
        placeholder="Write in Markdown. [[Concept name]] links to a concept, #tag tags this one."
        spellCheck
        onChange={(event) => {
          onChange(event.target.value);
          follow(event.target);
        }}
        onSelect={(event) => follow(event.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(null);
          onBlur();
        }}
      />
      {listed && (
        <ul id={listId} role="listbox" aria-label="Concepts to link" className="combobox-list">
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="combobox-option"
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(hit.label)}
            >
              <Swatch color={categories.get(hit.category)?.color} />
              <span>{hit.label}</span>
              <span className="muted">{categories.get(hit.category)?.label}</span>
            </li>
          ))}
        </ul>
      )}
      <span className="sr-only" aria-live="polite">
        {listed
          ? `${hits.length} concept${hits.length === 1 ? '' : 's'} to link: arrows to choose, Enter to link.`
          : ''}
      </span>
    </div>
  );
}
