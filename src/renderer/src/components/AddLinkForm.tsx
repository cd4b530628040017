import { useState, type FormEvent } from 'react';
import { errorMessage } from '../app/session';
import { useServices } from '../app/context';
import { ConceptPicker } from './ConceptPicker';
import { RelationField } from './RelationField';
import { FormActions } from './FormActions';

type Direction = 'outgoing' | 'incoming';

/** Links the concept in the details panel to another, either way round. */
export function AddLinkForm({ id, label }: { id: string; label: string }) {
  const { session } = useServices();
  const [direction, setDirection] = useState<Direction>('outgoing');
  const [targetText, setTargetText] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [relation, setRelation] = useState('');
  const [errors, setErrors] = useState<{ target?: string; relation?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  /** The concept picked, or the one whose label was typed in full (drawn or not). */
  const resolveTarget = async (): Promise<string | null> => {
    if (targetId) return targetId;
    const wanted = targetText.trim();
    if (!wanted) return null;
    const [found] = await session.editing.resolveLabels([wanted]);
    return found?.concept?.id ?? null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const other = await resolveTarget();
    if (!other) {
      setErrors({
        target: targetText.trim()
          ? `There is no concept named “${targetText.trim()}”: choose one from the list.`
          : 'Choose the concept to link to.',
      });
      return;
    }
    setBusy(true);
    try {
      await session.editing.createLink(
        direction === 'outgoing'
          ? { source: id, target: other, relation }
          : { source: other, target: id, relation },
      );
      session.editing.setAddingLink(false);
    } catch (e) {
      const message = errorMessage(e);
      setErrors(/relation/i.test(message) ? { relation: message } : { form: message });
      setBusy(false);
    }
  };

  return (
    <form
      aria-label="Add link"
      className="add-link"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          session.editing.setAddingLink(false);
        }
      }}
      noValidate
    >
      <fieldset className="segmented">
        <legend className="sr-only">Direction</legend>
        {(['outgoing', 'incoming'] as const).map((d) => (
          <label key={d} className={direction === d ? 'is-on' : undefined}>
            <input
              type="radio"
              name="direction"
              value={d}
              checked={direction === d}
              onChange={() => setDirection(d)}
            />
            {d === 'outgoing' ? `${label} → other` : `other → ${label}`}
          </label>
        ))}
      </fieldset>
      <ConceptPicker
        label={direction === 'outgoing' ? 'Target concept' : 'Source concept'}
        value={targetText}
        onChange={(v) => {
          setTargetText(v);
          setTargetId(null);
          if (errors.target || errors.form) setErrors({});
        }}
        onPick={(picked) => setTargetId(picked)}
        exclude={id}
        error={errors.target}
        autoFocus
      />
      <RelationField
        value={relation}
        onChange={(v) => {
          setRelation(v);
          if (errors.relation || errors.form) setErrors({});
        }}
        error={errors.relation}
      />
      {errors.form && (
        <p role="alert" className="field-error">
          {errors.form}
        </p>
      )}
      <FormActions
        submit="Save link"
        busy={busy}
        onCancel={() => session.editing.setAddingLink(false)}
        inline
      />
    </form>
  );
}
