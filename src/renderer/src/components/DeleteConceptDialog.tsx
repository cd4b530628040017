import { useState } from 'react';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { Modal } from './Modal';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Asks before deleting, naming every link that goes with the concept. */
export function DeleteConceptDialog({ id }: { id: string }) {
  const { session } = useServices();
  const details = useUi((s) => (s.details?.id === id ? s.details.data : null));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = details?.concept.label ?? id;

  const groups = details
    ? [
        {
          title: 'Outgoing links',
          items: details.outgoing.map((l) => `${l.link.relation} → ${l.other.label}`),
        },
        {
          title: 'Incoming links',
          items: details.incoming.map((l) => `${l.other.label} → ${l.link.relation}`),
        },
        { title: 'Mentions in its note', items: details.mentions.map((c) => c.label) },
        { title: 'Mentioned in notes of', items: details.backlinks.map((b) => b.concept.label) },
      ].filter((g) => g.items.length > 0)
    : [];
  const links =
    (details?.outgoing.length ?? 0) +
    (details?.incoming.length ?? 0) +
    (details?.mentions.length ?? 0) +
    (details?.backlinks.length ?? 0);

  const confirm = async () => {
    setBusy(true);
    try {
      await session.editing.deleteConcept(id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal label="Delete concept" onClose={() => session.editing.closeDialog()}>
      <div className="dialog-form">
        <h2 className="dialog-title">Delete “{label}”?</h2>
        <p className="dialog-lead">
          {links === 0 ? 'It has no links.' : `${plural(links, 'link goes', 'links go')} with it.`}{' '}
          {details?.concept.note ? 'Its note and tags are deleted too. ' : ''}You can undo this.
        </p>
        {groups.length > 0 && (
          <div className="delete-links">
            {groups.map((g) => (
              <section key={g.title} aria-label={g.title}>
                <h3>
                  {g.title} <span className="count">{g.items.length}</span>
                </h3>
                <ul>
                  {g.items.slice(0, 12).map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                  {g.items.length > 12 && <li className="muted">and {g.items.length - 12} more</li>}
                </ul>
              </section>
            ))}
          </div>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            data-autofocus
            onClick={() => session.editing.closeDialog()}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => void confirm()}
          >
            Delete
          </button>
        </div>
      </div>
    </Modal>
  );
}
