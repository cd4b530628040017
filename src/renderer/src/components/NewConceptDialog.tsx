import { useState, type FormEvent } from 'react';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { selectCategories, selectDrawn } from '../state/selectors';
import type { Dialog } from '../state/store';
import { fieldOf } from './CategoryField';
import { ConceptFields, type ConceptErrors, type ConceptValues } from './ConceptFields';
import { Modal } from './Modal';
import { FormActions } from './FormActions';

export function NewConceptDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'new-concept' }> }) {
  const { session } = useServices();
  const selectedCategory = useUi((s) => {
    const id = s.selectedId ? selectDrawn(s).get(s.selectedId)?.category : null;
    return id ? selectCategories(s).get(id)?.label : undefined;
  });
  const [values, setValues] = useState<ConceptValues>({
    label: dialog.label ?? '',
    category: selectedCategory ?? '',
    description: '',
  });
  const [errors, setErrors] = useState<ConceptErrors>({});
  const { label, category, description } = values;
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await session.editing.createConcept(
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
    <Modal label="New concept" onClose={() => session.editing.closeDialog()}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog-title">New concept</h2>
        {dialog.mentionedBy && (
          <p className="dialog-lead muted">The note that names it will link to it.</p>
        )}
        <ConceptFields
          values={values}
          errors={errors}
          onChange={(field, value) => {
            setValues({ ...values, [field]: value });
            setErrors({ ...errors, [field]: undefined });
          }}
        />
        <FormActions submit="Create" busy={busy} onCancel={() => session.editing.closeDialog()} />
      </form>
    </Modal>
  );
}
