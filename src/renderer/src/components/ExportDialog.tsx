import { useId, useMemo, useState, type FormEvent } from 'react';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { Modal } from './Modal';
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportFormatInfo,
} from '../../../shared/export-formats';
import { FormActions } from './FormActions';

type FormatId = ExportFormat | 'png' | 'svg';

interface FormatChoice {
  id: FormatId;
  label: string;
  hint: string;
}

/** The services' formats (src/shared/export-formats.ts, the one list) and two images. */
const DATA_FORMATS: FormatChoice[] = EXPORT_FORMATS.map((id) => {
  const info: ExportFormatInfo = EXPORT_FORMAT_INFO[id];
  const summary = info.target === 'folder' ? `${info.summary}, in a .zip` : info.summary;
  return { id, label: info.label, hint: `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.` };
});
const IMAGE_FORMATS: FormatChoice[] = [
  { id: 'png', label: 'PNG image', hint: 'A picture of the graph as drawn, on its background.' },
  { id: 'svg', label: 'SVG image', hint: 'A scalable picture of the graph as drawn.' },
];
const SCALES = [1, 2, 4] as const;

type Scope = 'all' | 'view' | 'selection';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** File › Export…: a format, what to export, and how much that is, before saving. */
export function ExportDialog() {
  const { session } = useServices();
  const drawn = useUi((s) => s.drawn);
  const whole = useUi((s) => s.summary);
  // Taken once: the dialog covers the graph, so the view and the selection cannot change.
  const [scopes] = useState(() => session.exchange.exportScopes());
  const [format, setFormat] = useState<FormatId>('graphml');
  const [scope, setScope] = useState<Scope>(scopes.selection.length > 1 ? 'selection' : 'all');
  const [scale, setScale] = useState<(typeof SCALES)[number]>(2);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formatId = useId();

  const isImage = format === 'png' || format === 'svg';
  const counts = useMemo(() => {
    const links = drawn?.links ?? [];
    const count = (ids: readonly string[]) => {
      const kept = new Set(ids);
      return {
        concepts: kept.size,
        links: links.filter((l) => kept.has(l.source) && kept.has(l.target)).length,
      };
    };
    return {
      all: { concepts: whole?.concepts.total ?? 0, links: whole?.links.total ?? 0 },
      view: count(scopes.view),
      selection: count(scopes.selection),
    };
  }, [drawn, whole, scopes]);

  const options: { id: Scope; label: string; disabled: string | null }[] = [
    { id: 'all', label: 'Whole graph', disabled: null },
    {
      id: 'view',
      label: 'Current view',
      disabled: counts.view.concepts === 0 ? 'No concept is on screen.' : null,
    },
    {
      id: 'selection',
      label: 'Selection',
      disabled: isImage
        ? 'Images show the whole graph or the current view.'
        : counts.selection.concepts === 0
          ? 'No concept is selected: click one, or Shift-drag a box around several.'
          : null,
    },
  ];
  const chosen = options.find((o) => o.id === scope)?.disabled ? 'all' : scope;
  const shown = counts[chosen];
  const choice = [...DATA_FORMATS, ...IMAGE_FORMATS].find((f) => f.id === format)!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (isImage) {
        await session.exchange.exportImage({ format, scale, full: chosen === 'all' });
      } else {
        await session.exchange.exportGraph(format, chosen === 'all' ? undefined : scopes[chosen]);
      }
      session.editing.closeDialog();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal label="Export" onClose={() => session.editing.closeDialog()} className="exchange-dialog">
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog-title">Export</h2>
        <div className="field">
          <label htmlFor={formatId}>Format</label>
          <select
            id={formatId}
            className="select"
            value={format}
            data-autofocus
            onChange={(e) => setFormat(e.target.value as FormatId)}
          >
            <optgroup label="Data">
              {DATA_FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Image">
              {IMAGE_FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </optgroup>
          </select>
          <p className="field-note">{choice.hint}</p>
        </div>

        <fieldset className="choice-list">
          <legend>What to export</legend>
          {options.map((o) => {
            const c = counts[o.id];
            return (
              <label
                key={o.id}
                className={o.disabled ? 'choice is-disabled' : 'choice'}
                title={o.disabled ?? undefined}
              >
                <input
                  type="radio"
                  name="scope"
                  value={o.id}
                  checked={chosen === o.id}
                  disabled={o.disabled !== null}
                  onChange={() => setScope(o.id)}
                />
                <span className="choice-label">{o.label}</span>
                <span className="choice-count">
                  {o.disabled && o.id !== 'all' && c.concepts === 0
                    ? 'none'
                    : plural(c.concepts, 'concept', 'concepts')}
                </span>
              </label>
            );
          })}
        </fieldset>

        {format === 'png' && (
          <div className="scale-field">
            <span className="field-label" id={`${formatId}-scale`}>
              Scale
            </span>
            <fieldset className="segmented" aria-labelledby={`${formatId}-scale`}>
              {SCALES.map((s) => (
                <label key={s} className={scale === s ? 'is-on' : undefined}>
                  <input
                    type="radio"
                    name="scale"
                    value={s}
                    checked={scale === s}
                    onChange={() => setScale(s)}
                  />
                  {s}×
                </label>
              ))}
            </fieldset>
          </div>
        )}

        <p className="export-summary" aria-live="polite">
          {plural(shown.concepts, 'concept', 'concepts')} · {plural(shown.links, 'link', 'links')}
          {chosen === 'view' && <span className="muted"> — as on screen now</span>}
        </p>

        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <FormActions
          submit={busy ? 'Exporting…' : 'Export'}
          busy={busy}
          onCancel={() => session.editing.closeDialog()}
        />
      </form>
    </Modal>
  );
}
