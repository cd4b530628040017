import { useState, type FormEvent } from 'react';
import type { Concept } from '../../../shared/domain';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { selectCategories } from '../state/selectors';
import { fieldOf } from './CategoryField';
import { ConceptFields, type ConceptErrors, type ConceptValues } from './ConceptFields';
import { FormActions } from './FormActions';

/** The details header as a form: rename, recategorise, describe. */
export function EditConceptForm({ concept }: { concept: Concept }) {
  const { session } = useServices();
  const categoryLabel = useUi((s) => selectCategories(s).get(concept.category)?.label);
  const [values, setValues] = useState<ConceptValues>({
    label: concept.label,
    category: categoryLabel ?? concept.category,
    description: concept.description,
  });
  const [errors, setErrors] = useState<ConceptErrors>({});
  const { label, category, description } = values;
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const changes: { label?: string; category?: string; description?: string } = {};
    if (label !== concept.label) changes.label = label;
    if (category.trim() !== (categoryLabel ?? concept.category)) changes.category = category;
    if (description !== concept.description) changes.description = description;
    if (Object.keys(changes).length === 0) {
      session.editing.setEditing(false);
      return;
    }
    setBusy(true);
    try {
      await session.editing.updateConcept({ id: concept.id, ...changes });
    } catch (e) {
      const message = errorMessage(e);
      setErrors({ [fieldOf(message)]: message });
      setBusy(false);
    }
  };

  return (
    <form
      aria-label="Edit concept"
      className="edit-concept"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          session.editing.setEditing(false);
        }
      }}
      noValidate
    >
      <ConceptFields
        values={values}
        errors={errors}
        descriptionRows={4}
        onChange={(field, value) => {
          setValues({ ...values, [field]: value });
          setErrors({ ...errors, [field]: undefined });
        }}
      />
      <FormActions
        submit="Save"
        busy={busy}
        onCancel={() => session.editing.setEditing(false)}
        inline
      />
    </form>
  );
}
