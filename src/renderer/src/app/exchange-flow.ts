import type { ExportFormat } from '../../../shared/export-formats';
import type { ImportFormat } from '../../../shared/import-formats';
import type { CairnApi } from '../../../shared/contract';
import type {
  AppInfo,
  ExportFile,
  ImportJob,
  ImportResolutions,
  RecentGraph,
} from '../../../shared/domain';
import type { ImageRequest } from '../graph/GraphController';
import type { UiStore } from '../state/store';
import type { ControllerSlot } from './controller-slot';
import { base64ToBlob, baseName, readUploads, saveDownload } from './files';

type ExchangeApi = Pick<
  CairnApi,
  | 'exportGraph'
  | 'startImport'
  | 'getImportJob'
  | 'cancelImport'
  | 'confirmImport'
  | 'getRecentGraphs'
  | 'chooseGraphFile'
  | 'openGraphFile'
  | 'createGraphFile'
>;

/** What exchanging graphs needs from the session. */
export interface ExchangeHost {
  /** Typed note text lands before the graph under it changes. */
  flushNote(): Promise<void>;
  /** Fetches and draws the graph (`fresh`: one just opened; otherwise the selection stays). */
  redraw(options: { fresh: boolean }): Promise<void>;
  showToast(message: string, undo?: boolean): void;
  /** Makes exactly these concepts the selection (the ones an import just added). */
  selectOnly(ids: readonly string[]): void;
}

/** Export, import, and switching between graph files. */
export class ExchangeFlow {
  constructor(
    private readonly api: ExchangeApi,
    private readonly store: UiStore,
    private readonly graph: ControllerSlot,
    private readonly host: ExchangeHost,
  ) {}

  // ---- export, import ----

  /** The concepts each export scope holds now (see GraphController.viewConceptIds). */
  exportScopes(): { view: string[]; selection: string[] } {
    return {
      view: this.graph.current?.viewConceptIds() ?? [],
      selection: [...this.store.getState().selection],
    };
  }

  /** Exports in one of the services' formats and saves it as a download. */
  async exportGraph(format: ExportFormat, conceptIds?: string[]): Promise<ExportFile> {
    const file = await this.api.exportGraph({ format, ...(conceptIds ? { conceptIds } : {}) });
    saveDownload(base64ToBlob(file.base64, file.mimeType), file.fileName);
    this.host.showToast(
      `Exported ${plural(file.concepts, 'concept', 'concepts')} and ${plural(file.links, 'link', 'links')} to ${file.fileName}.`,
    );
    return file;
  }

  /** Saves a PNG or SVG image of the graph as drawn now. */
  async exportImage(request: ImageRequest): Promise<string> {
    const controller = await this.graph.whenReady();
    const blob = await controller.image(request);
    const name = baseName(this.store.getState().appInfo?.graphName ?? 'cairn');
    const fileName = `${name}${request.full ? '' : '-view'}.${request.format}`;
    saveDownload(blob, fileName);
    this.host.showToast(
      `Saved ${fileName}${request.format === 'png' ? ` at ${request.scale}×` : ''}.`,
    );
    return fileName;
  }

  /** Sends the chosen files (their bytes as base64) and starts reading them. */
  async startImport(
    files: readonly File[],
    format: ImportFormat | undefined,
    onProgress: (sent: number) => void,
    signal: AbortSignal,
  ): Promise<ImportJob> {
    const uploads = await readUploads(files, onProgress, signal, !window.cairn);
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    return this.api.startImport({ files: uploads, ...(format ? { format } : {}) });
  }

  getImportJob(id: string): Promise<ImportJob> {
    return this.api.getImportJob({ id });
  }

  cancelImport(id: string): Promise<ImportJob> {
    return this.api.cancelImport({ id });
  }

  /**
   * Writes a previewed import, then redraws the graph: an import can add thousands of
   * concepts, so the whole snapshot is fetched again. Concepts without a stored position
   * are placed beside their neighbours (or the whole graph is laid out, when most are
   * new) and their positions saved.
   */
  async confirmImport(id: string, resolutions?: ImportResolutions): Promise<ImportJob> {
    await this.host.flushNote();
    const job = await this.api.confirmImport({ id, ...(resolutions ? { resolutions } : {}) });
    this.store.setState({ dialog: null });
    await this.host.redraw({ fresh: false });
    const report = job.report;
    if (report) {
      // What came in is selected and in view, so the user sees it at once.
      if (report.newConceptIds.length > 0) {
        this.host.selectOnly(report.newConceptIds);
        this.graph.current?.fit(report.newConceptIds);
      }
      const added = [
        plural(report.concepts.added, 'concept', 'concepts'),
        plural(report.links.added, 'link', 'links'),
      ];
      if (report.links.mentions > 0) {
        added.push(plural(report.links.mentions, 'mention link', 'mention links'));
      }
      if (report.categoriesAdded.length > 0) {
        added.push(plural(report.categoriesAdded.length, 'category', 'categories'));
      }
      this.host.showToast(
        `Imported ${joinWords(added)} from ${report.file}. Undo takes it back.`,
        true,
      );
    }
    return job;
  }

  // ---- several graphs ----

  recentGraphs(): Promise<RecentGraph[]> {
    return this.api.getRecentGraphs({});
  }

  /** The desktop app's native file dialog; null when cancelled or in browser mode. */
  async chooseGraphFile(purpose: 'open' | 'create'): Promise<string | null> {
    const chosen = await this.api.chooseGraphFile({ purpose });
    return chosen.supported ? chosen.path : null;
  }

  /**
   * Switches the whole app to another graph file. Typed note text lands in the graph it
   * was typed in first; on error the open graph stays, and the sentence is thrown.
   */
  async switchGraph(how: { open: string } | { create: string; empty: boolean }): Promise<AppInfo> {
    await this.host.flushNote();
    const info =
      'open' in how
        ? await this.api.openGraphFile({ path: how.open })
        : await this.api.createGraphFile({ path: how.create, empty: how.empty });
    this.store.setState({ appInfo: info, vocabulary: null, toast: null });
    await this.host.redraw({ fresh: true });
    return info;
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
