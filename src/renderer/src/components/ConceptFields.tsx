import { TEXT_LIMITS } from '../../../shared/validation';
import { CategoryField } from './CategoryField';
import { Field } from './Field';

type ConceptField = 'label' | 'category' | 'description';
export type ConceptValues = Record<ConceptField, string>;
export type ConceptErrors = Partial<Record<ConceptField, string>>;

/** Long enough for any paste a person means; the server says what it accepts. */
const LABEL_INPUT_MAX = TEXT_LIMITS.label * 50;
const DESCRIPTION_INPUT_MAX = TEXT_LIMITS.description * 2;

interface Props {
  values: ConceptValues;
  errors: ConceptErrors;
  /** A field changed: its error (if any) no longer applies. */
  onChange: (field: ConceptField, value: string) => void;
  descriptionRows?: number;
}

/** Label, category and description: the same fields to create a concept or edit one. */
export function ConceptFields({ values, errors, onChange, descriptionRows }: Props) {
  return (
    <>
      <Field
        label="Label"
        value={values.label}
        onChange={(v) => onChange('label', v)}
        error={errors.label}
        maxLength={LABEL_INPUT_MAX}
        limit={TEXT_LIMITS.label}
        autoFocus
      />
      <CategoryField
        value={values.category}
        onChange={(v) => onChange('category', v)}
        error={errors.category}
      />
      <Field
        label="Description"
        value={values.description}
        onChange={(v) => onChange('description', v)}
        error={errors.description}
        multiline
        rows={descriptionRows}
        maxLength={DESCRIPTION_INPUT_MAX}
        limit={TEXT_LIMITS.description}
      />
    </>
  );
}
