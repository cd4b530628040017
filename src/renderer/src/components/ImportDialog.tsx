import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ImportJob, ImportReport, ImportResolutions } from '../../../shared/domain';
import {
  IMPORT_FILE_EXTENSIONS,
  IMPORT_FORMAT_INFO,
  IMPORT_FORMATS,
  isImportFormat,
} from '../../../shared/import-formats';
import { filesToSend } from '../app/files';
import { errorMessage } from '../app/session';
import { useServices } from '../app/context';
import { emptyResolutions, ImportPreview } from './ImportPreview';
import { Modal } from './Modal';

const FORMATS = [
  { id: '', label: 'Auto (from the file name)' },
  ...IMPORT_FORMATS.map((id) => ({ id, label: IMPORT_FORMAT_INFO[id].label })),
];

const ACCEPT = IMPORT_FILE_EXTENSIONS.join(',');
const POLL_MS = 120;

type Step =
  | { kind: 'choose'; error: string | null }
  | { kind: 'sending'; name: string; sent: number }
  | { kind: 'reading'; name: string; job: ImportJob }
  | {
      kind: 'ready';
      job: ImportJob;
      report: ImportReport;
      resolutions: ImportResolutions;
      confirming: boolean;
      error: string | null;
    };

/**
 * File › Import…: choose a file or a folder, watch it being read, look at what it would
 * add, and only then write it. Closing the dialog before that cancels the import.
 */
export function ImportDialog() {
  const { session } = useServices();
  const [format, setFormat] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose', error: null });
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  /** The upload or job in progress, so that leaving cancels it. */
  const live = useRef<{ abort: AbortController; jobId: string | null; finished: boolean } | null>(
    null,
  );
  const formatId = useId();

  useEffect(
    () => () => {
      const current = live.current;
      if (!current || current.finished) return;
      current.abort.abort();
      if (current.jobId) void session.exchange.cancelImport(current.jobId).catch(() => undefined);
    },
    [session],
  );

  const start = async (chosen: File[]) => {
    const files = filesToSend(chosen);
    if (files.length === 0) {
      setStep({
        kind: 'choose',
        error:
          chosen.length === 0
            ? null
            : 'The folder holds no Markdown (.md) or CSV files outside hidden folders.',
      });
      return;
    }
    const first = files[0]!;
    const name =
      files.length === 1
        ? first.name
        : (first.webkitRelativePath.split('/')[0] ?? `${files.length} files`);
    const run = { abort: new AbortController(), jobId: null as string | null, finished: false };
    live.current?.abort.abort();
    live.current = run;
    const stillLive = () => live.current === run && !run.abort.signal.aborted;
    setStep({ kind: 'sending', name, sent: 0 });
    try {
      let job = await session.exchange.startImport(
        files,
        isImportFormat(format) ? format : undefined,
        (sent) => stillLive() && setStep({ kind: 'sending', name, sent }),
        run.abort.signal,
      );
      run.jobId = job.id;
      while (job.state === 'reading' && stillLive()) {
        setStep({ kind: 'reading', name, job });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!stillLive()) break;
        job = await session.exchange.getImportJob(job.id);
      }
      if (!stillLive()) return;
      if (job.state === 'ready' && job.report) {
        setStep({
          kind: 'ready',
          job,
          report: job.report,
          resolutions: emptyResolutions(),
          confirming: false,
          error: null,
        });
      } else {
        run.finished = true;
        setStep({
          kind: 'choose',
          error: job.error ?? `Cairn could not read ${name}.`,
        });
      }
    } catch (error) {
      if (!stillLive()) return;
      run.finished = true;
      setStep({ kind: 'choose', error: errorMessage(error) });
    }
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // The same file can be chosen again after a fix.
    event.target.value = '';
    void start(files);
  };

  const cancel = async () => {
    const current = live.current;
    if (current && !current.finished) {
      current.abort.abort();
      current.finished = true;
      if (current.jobId) {
        try {
          await session.exchange.cancelImport(current.jobId);
        } catch {
          // Already finished or forgotten: nothing was written either way.
        }
      }
    }
    setStep({ kind: 'choose', error: null });
  };

  const confirm = async () => {
    if (step.kind !== 'ready' || step.confirming) return;
    setStep({ ...step, confirming: true, error: null });
    try {
      if (live.current) live.current.finished = true;
      await session.exchange.confirmImport(step.job.id, step.resolutions);
    } catch (error) {
      setStep({ ...step, confirming: false, error: errorMessage(error) });
    }
  };

  const busy = step.kind === 'sending' || step.kind === 'reading';
  return (
    <Modal label="Import" onClose={() => session.editing.closeDialog()} className="exchange-dialog">
      <div className="dialog-form" data-import-state={step.kind}>
        <h2 className="dialog-title">Import</h2>
        {step.kind !== 'ready' && (
          <>
            <p className="dialog-lead muted">
              A graph from Gephi, yEd, Cytoscape or networkx, a spreadsheet’s CSV, or a folder of
              Markdown notes. You see what it adds before anything is written.
            </p>
            <div className="field">
              <label htmlFor={formatId}>Format</label>
              <select
                id={formatId}
                className="select"
                value={format}
                disabled={busy}
                onChange={(e) => setFormat(e.target.value)}
              >
                {FORMATS.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="choose-row">
              <button
                type="button"
                className="button"
                data-autofocus
                disabled={busy}
                onClick={() => fileInput.current?.click()}
              >
                Choose file…
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => folderInput.current?.click()}
              >
                Choose folder…
              </button>
              <input
                ref={fileInput}
                type="file"
                name="import-file"
                accept={ACCEPT}
                multiple
                hidden
                onChange={onFiles}
              />
              <input
                ref={(el) => {
                  folderInput.current = el;
                  // Not in React's attribute list: set it on the element itself.
                  el?.setAttribute('webkitdirectory', '');
                }}
                type="file"
                name="import-folder"
                hidden
                onChange={onFiles}
              />
            </div>
          </>
        )}

        {step.kind === 'sending' && <Progress label={`Sending ${step.name}…`} value={step.sent} />}
        {step.kind === 'reading' && (
          // Read whole, the file is merged and rolled back on the store for its preview.
          <Progress
            label={
              step.job.progress >= 1
                ? `Preparing the preview of ${step.name}…`
                : `Reading ${step.name}…`
            }
            value={step.job.progress}
          />
        )}
        {step.kind === 'choose' && step.error && (
          <p role="alert" className="field-error import-error">
            {step.error}
          </p>
        )}
        {step.kind === 'ready' && (
          <ImportPreview
            report={step.report}
            resolutions={step.resolutions}
            onResolutions={(resolutions) => setStep({ ...step, resolutions })}
          />
        )}
        {step.kind === 'ready' && step.error && (
          <p role="alert" className="field-error">
            {step.error}
          </p>
        )}

        <div className="dialog-actions">
          {busy ? (
            <button type="button" className="button" onClick={() => void cancel()}>
              Cancel
            </button>
          ) : step.kind === 'ready' ? (
            <>
              <button
                type="button"
                className="button"
                disabled={step.confirming}
                onClick={() => void cancel()}
              >
                Cancel
              </button>
              <button
                type="button"
                className="button primary"
                disabled={step.confirming}
                data-autofocus
                onClick={() => void confirm()}
              >
                {step.confirming ? 'Importing…' : 'Import'}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => session.editing.closeDialog()}>
              Close
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}

function Progress({ label, value }: { label: string; value: number }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="import-progress">
      <div className="import-progress-label">
        <span>{label}</span>
        <span className="muted">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="progress-track"
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
