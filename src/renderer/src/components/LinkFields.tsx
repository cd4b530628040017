import { Field } from './Field';
import { RelationField } from './RelationField';

interface Props {
  relation: string;
  note: string;
  /** The server's sentence about the relation (a duplicate, a reserved name…). */
  error: string | null;
  onRelationChange: (relation: string) => void;
  onNoteChange: (note: string) => void;
}

/** The relation (with suggestions) and an optional note: drawing a link or editing one. */
export function LinkFields({ relation, note, error, onRelationChange, onNoteChange }: Props) {
  return (
    <>
      <RelationField value={relation} onChange={onRelationChange} error={error} autoFocus />
      <Field label="Link note" value={note} onChange={onNoteChange} placeholder="Optional" />
    </>
  );
}
