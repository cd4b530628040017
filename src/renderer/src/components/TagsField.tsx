import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Concept } from '../../../shared/domain';
import { parseNoteTags } from '../../../shared/note-references';
import { TEXT_LIMITS } from '../../../shared/validation';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { CloseIcon } from './icons';

/** Tags typed here can be removed here; #tags written in the note come and go with it. */
export function TagsField({ concept }: { concept: Concept }) {
  const { session } = useServices();
  const [text, setText] = useState('');
  const readOnly = useUi((s) => s.appInfo?.readOnly ?? false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromNote = useMemo(() => new Set(parseNoteTags(concept.note)), [concept.note]);
  const own = concept.tags.filter((t) => !fromNote.has(t));
  const noteOnly = concept.tags.filter((t) => fromNote.has(t));

  const save = async (tags: string[], clear: boolean) => {
    setBusy(true);
    try {
      await session.editing.setTags(concept.id, tags);
      setError(null);
      if (clear) setText('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    const typed = text
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (typed.length === 0) return;
    void save([...own, ...typed], true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && text === '' && own.length > 0) {
      void save(own.slice(0, -1), false);
    }
  };

  return (
    <section className="details-section" aria-labelledby="details-tags">
      <h3 id="details-tags">Tags</h3>
      <ul className="tags" aria-label="Tags of this concept">
        {own.map((tag) => (
          <li key={tag} className="tag">
            <span>{tag}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${tag}`}
              disabled={busy || readOnly}
              onClick={() =>
                void save(
                  own.filter((t) => t !== tag),
                  false,
                )
              }
            >
              <CloseIcon />
            </button>
          </li>
        ))}
        {noteOnly.map((tag) => (
          <li key={tag} className="tag from-note" title="From a #tag in the note">
            #{tag}
          </li>
        ))}
        <li className="tag-input">
          <input
            aria-label="Tags"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'tags-error' : undefined}
            placeholder={
              readOnly ? 'Read-only' : concept.tags.length ? 'Add a tag' : 'Add a tag, press Enter'
            }
            disabled={readOnly}
            autoComplete="off"
            spellCheck={false}
            maxLength={TEXT_LIMITS.tag * 4}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (error) setError(null);
            }}
            onKeyDown={onKeyDown}
          />
        </li>
      </ul>
      {error && (
        <p id="tags-error" role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
