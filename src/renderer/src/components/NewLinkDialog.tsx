import { useState, type FormEvent } from 'react';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { selectCategories, selectDrawn } from '../state/selectors';
import { LinkFields } from './LinkFields';
import { Modal } from './Modal';
import { Swatch } from './Swatch';
import { FormActions } from './FormActions';

/** After dragging the link handle from one concept to another: name the relation. */
export function NewLinkDialog({ source, target }: { source: string; target: string }) {
  const { session } = useServices();
  const concepts = useUi(selectDrawn);
  const categories = useUi(selectCategories);
  const [relation, setRelation] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = concepts.get(source);
  const to = concepts.get(target);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await session.editing.createLink({
        source,
        target,
        relation,
        ...(note.trim() ? { note } : {}),
      });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const end = (id: string) => {
    const concept = concepts.get(id);
    return (
      <span className="link-end">
        <Swatch color={concept ? categories.get(concept.category)?.color : undefined} />
        {concept?.label ?? id}
      </span>
    );
  };

  return (
    <Modal label="New link" onClose={() => session.editing.closeDialog()}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog-title">New link</h2>
        <p
          className="link-preview"
          aria-label={`${from?.label ?? source} to ${to?.label ?? target}`}
        >
          {end(source)}
          <span aria-hidden="true" className="link-arrow">
            →
          </span>
          {end(target)}
        </p>
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
        <FormActions
          submit="Create link"
          busy={busy}
          onCancel={() => session.editing.closeDialog()}
        />
      </form>
    </Modal>
  );
}
