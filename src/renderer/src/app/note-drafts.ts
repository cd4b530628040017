import type { CairnApi } from '../../../shared/contract';
import type { ConceptDetails, Mutation } from '../../../shared/domain';
import { IDLE_NOTE, type NoteState, type UiStore } from '../state/store';
import { toErrorInfo } from './errors';

/** Notes save this long after the last keystroke (and at once on blur or navigation). */
const NOTE_SAVE_DELAY = 600;

/** What a saved note hands back to the session. */
export interface NoteDraftsHost {
  applyMutation(mutation: Mutation<unknown>): void;
  showDetails(data: ConceptDetails): void;
}

/** Typed note text, its autosave, and saves that run one after the other. */
export class NoteDrafts {
  /** Note text typed but not yet sent. Kept until the server has it: nothing typed is lost. */
  private draft: { id: string; body: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The save in flight, if any; saves run one after the other. */
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly api: Pick<CairnApi, 'saveNote'>,
    private readonly store: UiStore,
    private readonly host: NoteDraftsHost,
  ) {}

  /** The save in flight, if any: details loaded after it show the new text. */
  get saving(): Promise<void> | null {
    return this.inFlight;
  }

  /** What the editor should show for a concept's note while a save is pending. */
  draftFor(id: string): string | null {
    return this.draft?.id === id ? this.draft.body : null;
  }

  edit(id: string, body: string): void {
    if (this.draft && this.draft.id !== id) void this.flush();
    this.draft = { id, body };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), NOTE_SAVE_DELAY);
    const note = this.store.getState().note;
    if (note.id !== id || note.status !== 'pending') {
      this.store.setState({ note: { ...note, id, status: 'pending', error: null } });
    }
  }

  /** True while typed note text has not reached the database. */
  hasUnsaved(): boolean {
    return this.draft !== null || this.inFlight !== null;
  }

  /** Sends the pending note text now; resolves once every save so far has landed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const draft = this.draft;
    if (!draft) return this.inFlight ?? Promise.resolve();
    this.draft = null;
    const previous = this.inFlight;
    const run = (async () => {
      if (previous) await previous;
      this.setStatus(draft.id, { status: 'saving', error: null });
      try {
        const saved = await this.api.saveNote(draft);
        this.host.applyMutation(saved);
        const pending = this.draft?.id === draft.id;
        this.setStatus(draft.id, {
          status: pending ? 'pending' : 'saved',
          unresolved: saved.value.unresolved,
        });
        if (!pending) this.host.showDetails(saved.value.details);
      } catch (error) {
        // Keep the text: the next keystroke, blur or navigation tries again.
        if (!this.draft) this.draft = draft;
        this.setStatus(draft.id, { status: 'error', error: toErrorInfo(error).message });
      }
    })();
    this.inFlight = run;
    void run.finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    return run;
  }

  private setStatus(id: string, change: Partial<NoteState>): void {
    const note = this.store.getState().note;
    const base = note.id === id ? note : { ...IDLE_NOTE, version: note.version, id };
    this.store.setState({ note: { ...base, ...change } });
  }
}
