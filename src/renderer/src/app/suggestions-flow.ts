import type {
  LinkSuggestions,
  MentionSuggestion,
  TypedLinkSuggestion,
} from '../../../shared/suggestions';
import { MENTIONS_RELATION } from '../../../shared/validation';
import { IDLE_NOTE } from '../state/store';
import type { FlowContext } from './flow-context';

/**
 * Suggested links for the note in the details panel: "Link it" and "Link all" on an
 * unlinked mention, "Add link" on a typed link a sentence states, and "Dismiss" on
 * either. Each is one undoable step; the toast offers the undo.
 */
export class SuggestionsFlow {
  constructor(private readonly ctx: FlowContext) {}

  /** What the note of `id` suggests, once what was typed in it is saved. */
  async load(id: string): Promise<LinkSuggestions> {
    await this.ctx.notes.flush();
    return this.ctx.api.getLinkSuggestions({ id });
  }

  /** Wraps the mention's first occurrence (or, with `all`, every one) in [[ ]]. */
  async linkMention(noteOf: string, mention: MentionSuggestion, all = false): Promise<void> {
    const { api, store, notes } = this.ctx;
    await notes.flush();
    try {
      const linked = await api.linkMentions({
        id: noteOf,
        target: mention.concept.id,
        at: all ? mention.at : [mention.at[0]!],
      });
      this.ctx.drawing.applyMutation(linked);
      // The note changed underneath its editor: it shows the new text.
      store.setState({ note: { ...IDLE_NOTE, version: store.getState().note.version + 1 } });
      this.ctx.selection.showDetails(linked.value.details);
      const count = all ? mention.at.length : 1;
      this.ctx.showToast(
        `Linked ${count === 1 ? '' : `${count} mentions of `}“${mention.concept.label}” in the note.`,
        true,
      );
    } catch (error) {
      this.ctx.notify(error);
      this.ctx.selection.refreshDetails();
    }
  }

  async addLink(suggestion: TypedLinkSuggestion): Promise<void> {
    try {
      await this.ctx.editing.createLink({
        source: suggestion.source.id,
        target: suggestion.target.id,
        relation: suggestion.relation,
      });
      this.ctx.showToast(
        `Linked “${suggestion.source.label}” ${suggestion.relation} “${suggestion.target.label}”.`,
        true,
      );
    } catch (error) {
      this.ctx.notify(error);
    }
  }

  /** Not offered again: a typed link, or the mention of a concept in the note of `noteOf`. */
  async dismiss(
    suggestion:
      | { kind: 'mention'; noteOf: string; mention: MentionSuggestion }
      | { kind: 'link'; link: TypedLinkSuggestion },
  ): Promise<void> {
    const args =
      suggestion.kind === 'mention'
        ? {
            source: suggestion.noteOf,
            target: suggestion.mention.concept.id,
            relation: MENTIONS_RELATION,
          }
        : {
            source: suggestion.link.source.id,
            target: suggestion.link.target.id,
            relation: suggestion.link.relation,
          };
    try {
      this.ctx.drawing.applyMutation(await this.ctx.api.dismissSuggestion(args));
      this.ctx.selection.refreshDetails();
      this.ctx.showToast('Suggestion dismissed.', true);
    } catch (error) {
      this.ctx.notify(error);
    }
  }
}
