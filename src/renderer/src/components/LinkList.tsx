import { useState, type FormEvent } from 'react';
import type { LinkedConcept } from '../../../shared/domain';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { ConceptLink } from './ConceptLink';
import { LinkFields } from './LinkFields';
import { EditIcon, TrashIcon } from './icons';
import { FormActions } from './FormActions';

interface Props {
  title: string;
  direction: 'outgoing' | 'incoming';
  links: LinkedConcept[];
}

/** How a link reads from this concept: "uses → etcd" or "← stores data for etcd". */
function describeLink(direction: Props['direction'], relation: string, other: string): string {
  return direction === 'outgoing' ? `${relation} → ${other}` : `← ${relation} ${other}`;
}

/** Links grouped by relation, read as "this → relation → other" or "other → relation → this". */
export function LinkList({ title, direction, links }: Props) {
  const headingId = `details-${direction}`;
  const groups = new Map<string, LinkedConcept[]>();
  for (const linked of links) {
    const group = groups.get(linked.link.relation);
    if (group) group.push(linked);
    else groups.set(linked.link.relation, [linked]);
  }
  return (
    <section className="details-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} <span className="count">{links.length}</span>
      </h3>
      {links.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        [...groups].map(([relation, members]) => (
          <div key={relation} className="link-group">
            <div className="relation">
              {direction === 'outgoing' ? (
                <>
                  {relation} <span aria-hidden="true">→</span>
                </>
              ) : (
                <>
                  <span aria-hidden="true">←</span> {relation}
                </>
              )}
            </div>
            <ul>
              {members.map((linked) => (
                <LinkRow key={linked.link.id} linked={linked} direction={direction} />
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

function LinkRow({ linked, direction }: { linked: LinkedConcept; direction: Props['direction'] }) {
  const { session } = useServices();
  const readOnly = useUi((s) => s.appInfo?.readOnly ?? false);
  const { link, other } = linked;
  const [editing, setEditing] = useState(false);
  const [relation, setRelation] = useState(link.relation);
  const [note, setNote] = useState(link.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = describeLink(direction, link.relation, other.label);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await session.editing.updateLink({ id: link.id, relation, note });
      setEditing(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await session.editing.deleteLink(link.id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  if (editing) {
    return (
      <li className="link-row is-editing">
        <form
          aria-label={`Edit link ${name}`}
          className="link-edit"
          onSubmit={(e) => void save(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !e.defaultPrevented) {
              e.preventDefault();
              setEditing(false);
            }
          }}
          noValidate
        >
          <LinkFields
            relation={relation}
            note={note}
            error={error}
            onRelationChange={(v) => {
              setRelation(v);
              setError(null);
            }}
            onNoteChange={setNote}
          />
          <FormActions submit="Save" busy={busy} onCancel={() => setEditing(false)} inline />
        </form>
      </li>
    );
  }

  return (
    <li className="link-row">
      <div className="link-row-main">
        <ConceptLink concept={other} />
        {link.origin === 'user' && (
          <span className="origin-dot" title="You made this link" aria-label="Yours" />
        )}
        {!readOnly && (
          <span className="row-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Edit link ${name}`}
              title="Edit link"
              onClick={() => {
                setRelation(link.relation);
                setNote(link.note ?? '');
                setError(null);
                setEditing(true);
              }}
            >
              <EditIcon />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete link ${name}`}
              title="Delete link"
              disabled={busy}
              onClick={() => void remove()}
            >
              <TrashIcon />
            </button>
          </span>
        )}
      </div>
      {link.note && <p className="link-note">{link.note}</p>}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </li>
  );
}
