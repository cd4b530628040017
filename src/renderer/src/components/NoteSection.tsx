import { useDeferredValue, useMemo, useState } from 'react';
import type { Concept } from '../../../shared/domain';
import { foldLabel } from '../../../shared/labels';
import { wikilinkTargets } from '../../../shared/note-references';
import { useServices, useUi } from '../app/context';
import { useResolvedLabels } from '../app/use-resolved-labels';
import { MarkdownPreview } from './MarkdownPreview';
import { NoteEditor } from './NoteEditor';

type Tab = 'write' | 'preview';

/**
 * The note: Write (a plain textarea) and Preview (Markdown), like GitHub. Typing saves
 * itself after a pause, on blur and before going to another concept; the text stays in
 * the session until the database has it.
 */
export function NoteSection({ concept }: { concept: Concept }) {
  const { session } = useServices();
  const [body, setBody] = useState(() => session.notes.draftFor(concept.id) ?? concept.note);
  const [tab, setTab] = useState<Tab>(body.trim() ? 'preview' : 'write');
  const note = useUi((s) => (s.note.id === concept.id ? s.note : null));
  // A graph opened read-only shows its notes and does not take typing.
  const readOnly = useUi((s) => s.appInfo?.readOnly ?? false);

  // Parsing a long note takes a while: it follows the typing when there is time.
  const settled = useDeferredValue(body);
  const targets = useMemo(() => wikilinkTargets(settled), [settled]);
  const resolved = useResolvedLabels(targets);
  const unresolved = new Map<string, string>();
  for (const name of [...targets, ...(note?.unresolved ?? [])]) {
    const key = foldLabel(name);
    // Known to name no concept (an answer of null); unknown ones wait for the answer.
    if (resolved.get(key) === null && !unresolved.has(key)) unresolved.set(key, name);
  }
  const status =
    note?.status === 'pending' || note?.status === 'saving'
      ? 'Saving…'
      : note?.status === 'saved'
        ? 'Saved'
        : null;

  const tabId = (t: Tab) => `note-tab-${t}`;
  return (
    <section className="details-section note-section" aria-labelledby="details-note">
      <div className="section-head">
        <h3 id="details-note">Note</h3>
        <div role="tablist" aria-label="Note view" className="tabs">
          {(['write', 'preview'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={tabId(t)}
              aria-selected={tab === t}
              aria-controls="note-panel"
              className="tab"
              onClick={() => {
                if (t === 'preview') void session.notes.flush();
                setTab(t);
              }}
            >
              {t === 'write' ? 'Write' : 'Preview'}
            </button>
          ))}
        </div>
        <span className="note-status" aria-live="polite">
          {status}
        </span>
      </div>
      <div id="note-panel" role="tabpanel" aria-labelledby={tabId(tab)}>
        {tab === 'write' ? (
          <NoteEditor
            value={body}
            readOnly={readOnly}
            onChange={(text) => {
              setBody(text);
              session.notes.edit(concept.id, text);
            }}
            onBlur={() => void session.notes.flush()}
          />
        ) : body.trim() ? (
          <MarkdownPreview body={settled} />
        ) : (
          <p className="muted note-empty">
            No note yet.{' '}
            <button type="button" className="link-button" onClick={() => setTab('write')}>
              Write one
            </button>
          </p>
        )}
      </div>
      {note?.status === 'error' && (
        <p role="alert" className="field-error">
          Not saved: {note.error}{' '}
          <button type="button" className="link-button" onClick={() => void session.notes.flush()}>
            Try again
          </button>
        </p>
      )}
      {unresolved.size > 0 && (
        <div className="unresolved">
          <span className="muted">Not in the graph yet:</span>
          {[...unresolved.values()].map((name) => (
            <button
              key={name}
              type="button"
              className="chip-button"
              onClick={() =>
                session.editing.openDialog({
                  kind: 'new-concept',
                  label: name,
                  mentionedBy: concept.id,
                })
              }
            >
              Create “{name}”
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
