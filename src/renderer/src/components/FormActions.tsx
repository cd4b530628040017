/**
 * The buttons at the foot of a form or dialog: Cancel, and the submit button that says
 * what it does. `inline`: a form inside a panel (smaller spacing) rather than a dialog.
 */
export function FormActions({
  submit,
  busy,
  onCancel,
  inline = false,
}: {
  submit: string;
  busy: boolean;
  onCancel(): void;
  inline?: boolean;
}) {
  return (
    <div className={inline ? 'form-actions' : 'dialog-actions'}>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {submit}
      </button>
    </div>
  );
}
