import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  ImportJob,
  ImportReport,
  ImportResolutions,
  UploadedFile,
} from '../../../shared/domain';
import { CairnError } from '../../../shared/errors';
import type { ImportFormat } from '../../../shared/import-formats';
import { resolveFormat } from '.';
import { collectGraph, type ImportedGraph } from './imported-graph';
import { streamImportInWorker } from './parse-in-worker';

interface Job {
  state: ImportJob;
  folder: string;
  target: string;
  shownName: string;
  graph: ImportedGraph | null;
  abort: AbortController;
  /** Settles once the file is read, failed or cancelled. */
  read: Promise<void>;
  /** The preview being computed, once the file is read. */
  preview: Promise<void> | null;
  /** Set while the confirmed import is being written. */
  writing: boolean;
}

/**
 * Merges a graph read in the app into the open graph: with `dryRun`, merged and rolled
 * back (the preview). On the store worker where there is one (background-store.ts), so
 * that the app answers while a big file's preview or merge takes its seconds.
 */
export type ImportRunner = (
  graph: ImportedGraph,
  file: string,
  options: { dryRun: boolean; resolutions?: ImportResolutions },
) => Promise<ImportReport>;

const MAX_FILES = 100_000;
const MAX_JOBS = 8;

/** A relative path from the renderer, checked so that it cannot leave the staging folder. */
function safeRelativePath(relative: string): string[] {
  const parts = relative.split('/');
  const bad = parts.some(
    (p) =>
      p === '' ||
      p === '.' ||
      p === '..' ||
      p.includes('\\') ||
      p.includes('\0') ||
      p.includes(':'),
  );
  if (bad || parts.length > 32 || relative.length > 1000) {
    throw new CairnError(
      'invalid-argument',
      `"${relative.slice(0, 80)}" is not a file path Cairn accepts.`,
    );
  }
  return parts;
}

/**
 * Imports from the app: the chosen files are staged in a temporary folder, read
 * in the background (the app polls the progress and may cancel), previewed, and
 * only written when the user confirms.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  start(files: readonly UploadedFile[], format: ImportFormat | undefined): ImportJob {
    if (files.length === 0)
      throw new CairnError('invalid-argument', 'Choose a file or a folder to import.');
    if (files.length > MAX_FILES)
      throw new CairnError(
        'invalid-argument',
        `Cairn imports at most ${MAX_FILES.toLocaleString('en')} files at once.`,
      );
    this.forgetOldest();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-import-'));
    try {
      for (const file of files) {
        const target = path.join(folder, ...safeRelativePath(file.path));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
      }
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    // What to read: one file as itself; a chosen folder (a vault) as that folder;
    // several loose files (nodes.csv and edges.csv) as the staging folder.
    const tops = [...new Set(files.map((f) => f.path.split('/')[0]!))];
    let target = folder;
    if (files.length === 1 && !files[0]!.path.includes('/'))
      target = path.join(folder, files[0]!.path);
    else if (tops.length === 1 && files.every((f) => f.path.includes('/')))
      target = path.join(folder, tops[0]!);
    const id = randomUUID();
    const job: Job = {
      state: { id, state: 'reading', progress: 0, report: null, error: null },
      folder,
      target,
      shownName: path.basename(target === folder ? tops.join(', ') : target),
      graph: null,
      abort: new AbortController(),
      read: Promise.resolve(),
      preview: null,
      writing: false,
    };
    this.jobs.set(id, job);
    // Parsed on a worker thread, so the app's requests are answered while a big file is read.
    const { graph: collected, sink } = collectGraph('');
    job.read = Promise.resolve()
      .then(async () => {
        const chosen = resolveFormat(target, format);
        collected.format = chosen;
        await streamImportInWorker(target, chosen, sink, {
          signal: job.abort.signal,
          onProgress: (done, total) => (job.state.progress = total > 0 ? done / total : 1),
        });
        return collected;
      })
      .then(
        (graph) => {
          if (job.state.state !== 'reading') return;
          job.graph = graph;
          job.state.progress = 1;
        },
        (error: unknown) => {
          if (job.state.state !== 'reading') return;
          job.state.state = job.abort.signal.aborted ? 'cancelled' : 'failed';
          job.state.error =
            error instanceof CairnError ? error.message : `Cairn could not read ${job.shownName}.`;
          this.cleanUp(job);
        },
      );
    return { ...job.state };
  }

  /** Resolves once the job's file has been read (or has failed, or was cancelled). */
  async settled(id: string): Promise<void> {
    await this.find(id).read;
  }

  /**
   * The job's state. Once its file is read, its preview is computed by `run` (nothing is
   * written); the job says `reading` until the preview is ready.
   */
  get(id: string, run: ImportRunner): ImportJob {
    const job = this.find(id);
    if (job.state.state === 'reading' && job.graph && !job.preview) {
      job.preview = run(job.graph, job.shownName, { dryRun: true }).then(
        (report) => {
          if (job.state.state !== 'reading') return;
          job.state.report = report;
          job.state.state = 'ready';
        },
        (error: unknown) => {
          if (job.state.state !== 'reading') return;
          job.state.state = 'failed';
          job.state.error =
            error instanceof CairnError ? error.message : `Cairn could not read ${job.shownName}.`;
          this.cleanUp(job);
        },
      );
    }
    return { ...job.state };
  }

  async confirm(
    id: string,
    run: ImportRunner,
    resolutions?: ImportResolutions,
  ): Promise<ImportJob> {
    const job = this.find(id);
    this.get(id, run);
    await job.preview;
    if (job.writing) throw new CairnError('conflict', 'This import is already being written.');
    if (job.state.state !== 'ready' || !job.graph) {
      throw new CairnError(
        'invalid-argument',
        `This import cannot be confirmed: it is ${job.state.state}.`,
      );
    }
    job.writing = true;
    try {
      job.state.report = await run(job.graph, job.shownName, { dryRun: false, resolutions });
    } finally {
      job.writing = false;
    }
    job.state.state = 'done';
    this.cleanUp(job);
    return { ...job.state };
  }

  cancel(id: string): ImportJob {
    const job = this.find(id);
    if (job.writing) {
      throw new CairnError(
        'conflict',
        'This import is being written: it can no longer be cancelled.',
      );
    }
    if (job.state.state === 'reading' || job.state.state === 'ready') {
      job.abort.abort();
      job.state.state = 'cancelled';
      this.cleanUp(job);
    }
    return { ...job.state };
  }

  private find(id: string): Job {
    const job = this.jobs.get(id);
    if (!job)
      throw new CairnError('not-found', 'That import is no longer available; start it again.');
    return job;
  }

  private cleanUp(job: Job): void {
    job.graph = job.state.state === 'ready' ? job.graph : null;
    fs.rmSync(job.folder, { recursive: true, force: true });
  }

  private forgetOldest(): void {
    while (this.jobs.size >= MAX_JOBS) {
      const [oldest] = this.jobs.keys();
      const job = this.jobs.get(oldest!)!;
      job.abort.abort();
      fs.rmSync(job.folder, { recursive: true, force: true });
      this.jobs.delete(oldest!);
    }
  }
}
