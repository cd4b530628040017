import { useState, type FormEvent } from 'react';
import type { Concept } from '../../../shared/domain';
import { TEXT_LIMITS } from '../../../shared/validation';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { selectCategories } from '../state/selectors';
import { CategoryField, fieldOf } from './CategoryField';
import { Field } from './Field';
import { DESCRIPTION_INPUT_MAX, LABEL_INPUT_MAX } from './NewConceptDialog';

type Errors = Partial<Record<'label' | 'category' | 'description', string>>;

/** The details header as a form: rename, recategorise, describe. */
export function EditConceptForm({ concept }: { concept: Concept }) {
  const { session } = useServices();
  const categoryLabel = useUi((s) => selectCategories(s).get(concept.category)?.label);
  const [label, setLabel] = useState(concept.label);
  const [category, setCategory] = useState(categoryLabel ?? concept.category);
  const [description, setDescription] = useState(concept.description);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const changes: { label?: string; category?: string; description?: string } = {};
    if (label !== concept.label) changes.label = label;
    if (category.trim() !== (categoryLabel ?? concept.category)) changes.category = category;
    if (description !== concept.description) changes.description = description;
    if (Object.keys(changes).length === 0) {
      session.setEditing(false);
      return;
    }
    setBusy(true);
    try {
      await session.updateConcept({ id: concept.id, ...changes });
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
          session.setEditing(false);
        }
      }}
      noValidate
    >
      <Field
        label="Label"
        value={label}
        onChange={(v) => {
          setLabel(v);
          setErrors({ ...errors, label: undefined });
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
          setErrors({ ...errors, category: undefined });
        }}
        error={errors.category}
      />
      <Field
        label="Description"
        value={description}
        onChange={(v) => {
          setDescription(v);
          setErrors({ ...errors, description: undefined });
        }}
        error={errors.description}
        multiline
        rows={4}
        maxLength={DESCRIPTION_INPUT_MAX}
        limit={TEXT_LIMITS.description}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => session.setEditing(false)}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
