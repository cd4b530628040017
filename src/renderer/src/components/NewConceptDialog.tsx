import { useState, type FormEvent } from 'react';
import { TEXT_LIMITS } from '../../../shared/validation';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { selectCategories } from '../state/selectors';
import type { Dialog } from '../state/store';
import { CategoryField, fieldOf } from './CategoryField';
import { Field } from './Field';
import { Modal } from './Modal';

type Errors = Partial<Record<'label' | 'category' | 'description', string>>;

/** Long enough for any paste a person means; the server says what it accepts. */
export const LABEL_INPUT_MAX = TEXT_LIMITS.label * 50;
export const DESCRIPTION_INPUT_MAX = TEXT_LIMITS.description * 2;

export function NewConceptDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'new-concept' }> }) {
  const { session } = useServices();
  const selectedCategory = useUi((s) => {
    const id = s.selectedId
      ? s.snapshot?.concepts.find((c) => c.id === s.selectedId)?.category
      : null;
    return id ? selectCategories(s).get(id)?.label : undefined;
  });
  const [label, setLabel] = useState(dialog.label ?? '');
  const [category, setCategory] = useState(selectedCategory ?? '');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await session.createConcept(
        {
          label,
          category,
          ...(description.trim() ? { description } : {}),
          ...(dialog.position ? { position: dialog.position } : {}),
        },
        dialog.mentionedBy,
      );
    } catch (error) {
      const message = errorMessage(error);
      setErrors({ [fieldOf(message)]: message });
      setBusy(false);
    }
  };

  return (
    <Modal label="New concept" onClose={() => session.closeDialog()}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog-title">New concept</h2>
        {dialog.mentionedBy && (
          <p className="dialog-lead muted">The note that names it will link to it.</p>
        )}
        <Field
          label="Label"
          value={label}
          onChange={(v) => {
            setLabel(v);
            if (errors.label) setErrors({ ...errors, label: undefined });
          }}
          error={errors.label}
          maxLength={LABEL_INPUT_MAX}
          limit={TEXT_LIMITS.label}
          autoFocus
        />
        <CategoryField
          value={category}
          onChange={(v) => {
            setCategory(v);
            if (errors.category) setErrors({ ...errors, category: undefined });
          }}
          error={errors.category}
        />
        <Field
          label="Description"
          value={description}
          onChange={setDescription}
          error={errors.description}
          multiline
          maxLength={DESCRIPTION_INPUT_MAX}
          limit={TEXT_LIMITS.description}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => session.closeDialog()}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Create
          </button>
        </div>
      </form>
    </Modal>
  );
}
