import type { ArgsOf } from '../../../shared/contract';
import type { ConceptDetails, Link, SearchHit } from '../../../shared/domain';
import type { Dialog } from '../state/store';
import type { FlowContext } from './flow-context';

/** The dialogs that write to the graph, closed to a graph opened read-only. */
const CHANGES_THE_GRAPH: ReadonlySet<Dialog['kind']> = new Set([
  'new-concept',
  'delete-concept',
  'new-link',
  'import',
  'confirm-layout',
]);

/** Everything a person creates, changes or deletes, and the dialogs and forms for it. */
export class EditingFlow {
  constructor(private readonly ctx: FlowContext) {}

  openDialog(dialog: Dialog): void {
    const { store } = this.ctx;
    const { status, appInfo } = store.getState();
    const usable = status === 'ready' || status === 'empty';
    // Opening another graph is also the way out of one that failed to load.
    if (!usable && !(dialog.kind === 'graph-file' && status === 'error')) return;
    // A graph opened read-only can be read, exported and left, not changed.
    if (appInfo?.readOnly && CHANGES_THE_GRAPH.has(dialog.kind)) return;
    this.ctx.search.closeResults();
    store.setState({ dialog });
    if (dialog.kind === 'new-concept' || dialog.kind === 'new-link') void this.refreshVocabulary();
  }

  closeDialog(): void {
    this.ctx.store.setState({ dialog: null });
  }

  /** The details header becomes a form (or stops being one). */
  setEditing(editing: boolean): void {
    this.ctx.store.setState({ editing, ...(editing ? { addingLink: false } : {}) });
    if (editing) void this.refreshVocabulary();
  }

  /** The Add link form opens in the details panel (or closes). */
  setAddingLink(addingLink: boolean): void {
    this.ctx.store.setState({ addingLink, ...(addingLink ? { editing: false } : {}) });
    if (addingLink) void this.refreshVocabulary();
  }

  /** The relations, categories and tags in use, for the forms' suggestions. */
  async refreshVocabulary(): Promise<void> {
    try {
      this.ctx.store.setState({ vocabulary: await this.ctx.api.getVocabulary({}) });
    } catch {
      // Autocomplete is a convenience: without it the fields take free text.
    }
  }

  /** The model position at the middle of the screen, for concepts made from a button. */
  newConceptPosition(): { x: number; y: number } | undefined {
    return this.ctx.graph.current?.viewportCentre();
  }

  /** The concept each label names (as [[wikilinks]] do), drawn or not. */
  resolveLabels(labels: string[]) {
    return this.ctx.api.resolveLabels({ labels });
  }

  /** Concepts whose label, description, note or tags match, for pickers and the palette. */
  async findConcepts(query: string, limit = 8): Promise<SearchHit[]> {
    if (query.trim() === '') return [];
    return this.ctx.api.search({ query: query.trim(), limit });
  }

  async createConcept(
    args: ArgsOf<'createConcept'>,
    mentionedBy?: string,
  ): Promise<ConceptDetails> {
    // The note that names it must be saved first: creating the concept links every
    // saved note that already mentions it (see linkWaitingMentions in main).
    if (mentionedBy) await this.ctx.notes.flush();
    const made = await this.ctx.api.createConcept(args);
    this.ctx.drawing.applyMutation(made);
    this.closeDialog();
    this.ctx.selection.navigateTo(made.value.concept.id);
    return made.value;
  }

  async updateConcept(args: ArgsOf<'updateConcept'>): Promise<void> {
    const updated = await this.ctx.api.updateConcept(args);
    this.ctx.drawing.applyMutation(updated);
    this.ctx.selection.showDetails(updated.value);
    this.ctx.store.setState({ editing: false });
  }

  async deleteConcept(id: string): Promise<void> {
    // Typed text is saved first, so undoing the delete brings it back too.
    await this.ctx.notes.flush();
    const deleted = await this.ctx.api.deleteConcept({ id });
    this.ctx.drawing.applyMutation(deleted);
    this.closeDialog();
    if (this.ctx.store.getState().selectedId === id) this.ctx.selection.clear();
  }

  async restoreOriginal(id: string): Promise<void> {
    await this.ctx.notes.flush();
    const restored = await this.ctx.api.restoreOriginal({ id });
    this.ctx.drawing.applyMutation(restored);
    this.ctx.selection.showDetails(restored.value);
  }

  async createLink(args: ArgsOf<'createLink'>): Promise<Link> {
    const made = await this.ctx.api.createLink(args);
    this.ctx.drawing.applyMutation(made);
    this.closeDialog();
    this.ctx.selection.refreshDetails();
    return made.value;
  }

  async updateLink(args: ArgsOf<'updateLink'>): Promise<void> {
    this.ctx.drawing.applyMutation(await this.ctx.api.updateLink(args));
    this.ctx.selection.refreshDetails();
  }

  async deleteLink(id: number): Promise<void> {
    this.ctx.drawing.applyMutation(await this.ctx.api.deleteLink({ id }));
    this.ctx.selection.refreshDetails();
  }

  async setTags(id: string, tags: string[]): Promise<void> {
    const tagged = await this.ctx.api.setTags({ id, tags });
    this.ctx.drawing.applyMutation(tagged);
    this.ctx.selection.showDetails(tagged.value);
  }
}
