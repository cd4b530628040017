import type { Database } from 'better-sqlite3';
import type {
  Category,
  ConceptDetails,
  HistoryEntry,
  Link,
  Mutation,
  NoteSaved,
  Position,
} from '../../../shared/domain';
import type { GraphReader } from '../graph-reader';
import { History, type Applied } from '../history/history';
import { patchFromImages } from '../history/patch';
import { LINK_COLUMNS, LINK_JOINS, toLink, type LinkRow } from '../rows';
import type { CategoryShape } from '../../../shared/palette';
import { findCategory, setCategoryStyle } from './category-edits';
import { createConcept, deleteConcept, restoreOriginal, updateConcept } from './concept-edits';
import { createLink, deleteLink, updateLink } from './link-edits';
import { findConcept } from './lookups';
import { saveNote, setTags } from './note-edits';
import { dismissSuggestion, linkMentions } from './suggestion-edits';
import type { MentionLexicon } from '../../../shared/mention-lexicon';
import { MENTIONS_RELATION } from '../../../shared/validation';
import { placeConcepts, rememberLayout, setPinned, unplacedByCategory } from './position-edits';
import { recomputeTiers } from '../view/tier-index';
import type { LayoutName } from '../../../shared/layouts';
import { LAYOUTS } from '../../../shared/layouts';
import type { SavedView, ViewSpec } from '../../../shared/saved-views';
import { quotedName, readView, viewNameOf } from '../views/saved-views';
import * as views from './view-edits';

/** A layout of more concepts than this recomputes the zoom tiers at once. */
const TIERS_AFTER = 500;

/**
 * Every change a person makes to the graph. Each method is one transaction and
 * one entry in the history, and answers with what changed for the map.
 */
export class Editor {
  private readonly history: History;

  constructor(
    private readonly db: Database,
    private readonly reader: GraphReader,
  ) {
    this.history = new History(db);
  }

  private answer<T>(applied: Applied<T>): Mutation<T> {
    return {
      value: applied.value,
      patch: patchFromImages(this.db, applied.images),
      history: this.history.state(),
    };
  }

  private link(id: number): Link {
    return toLink(
      this.db
        .prepare(`SELECT ${LINK_COLUMNS} FROM links l ${LINK_JOINS} WHERE l.id = ?`)
        .get(id) as LinkRow,
    );
  }

  createConcept(args: Parameters<typeof createConcept>[2]): Mutation<ConceptDetails> {
    const applied = this.history.record(`Created “${args.label}”`, (r) =>
      createConcept(this.db, r, args),
    );
    return this.answer({ ...applied, value: this.reader.concept(applied.value) });
  }

  updateConcept(args: Parameters<typeof updateConcept>[2]): Mutation<ConceptDetails> {
    const before = findConcept(this.db, args.id).label;
    const summary =
      args.label !== undefined &&
      args.label !== before &&
      args.category === undefined &&
      args.description === undefined
        ? `Renamed “${before}” to “${args.label}”`
        : `Edited “${args.label ?? before}”`;
    const applied = this.history.record(summary, (r) => updateConcept(this.db, r, args));
    return this.answer({ ...applied, value: this.reader.concept(args.id) });
  }

  deleteConcept(id: string): Mutation<{ id: string; links: number }> {
    const label = findConcept(this.db, id).label;
    const applied = this.history.record(
      (links: number) =>
        `Deleted “${label}”${links > 0 ? ` and ${links} link${links === 1 ? '' : 's'}` : ''}`,
      (r) => deleteConcept(this.db, r, id),
    );
    return this.answer({ ...applied, value: { id, links: applied.value } });
  }

  restoreOriginal(id: string): Mutation<ConceptDetails> {
    const label = findConcept(this.db, id).label;
    const applied = this.history.record(`Restored “${label}” from the default graph`, (r) =>
      restoreOriginal(this.db, r, id),
    );
    return this.answer({ ...applied, value: this.reader.concept(id) });
  }

  createLink(args: Parameters<typeof createLink>[2]): Mutation<Link> {
    const source = findConcept(this.db, args.source).label;
    const target = findConcept(this.db, args.target).label;
    const applied = this.history.record(`Linked “${source}” ${args.relation} “${target}”`, (r) =>
      createLink(this.db, r, args),
    );
    return this.answer({ ...applied, value: this.link(applied.value) });
  }

  updateLink(args: Parameters<typeof updateLink>[2]): Mutation<Link> {
    const applied = this.history.record(
      () => {
        const link = this.link(args.id);
        return `Changed the link “${findConcept(this.db, link.source).label}” ${link.relation} “${findConcept(this.db, link.target).label}”`;
      },
      (r) => updateLink(this.db, r, args),
    );
    return this.answer({ ...applied, value: this.link(args.id) });
  }

  deleteLink(id: number): Mutation<{ id: number }> {
    const applied = this.history.record(
      (link: ReturnType<typeof deleteLink>) =>
        `Removed the link “${findConcept(this.db, link.source_id).label}” ${link.relation} “${findConcept(this.db, link.target_id).label}”`,
      (r) => deleteLink(this.db, r, id),
    );
    return this.answer({ ...applied, value: { id } });
  }

  saveNote(id: string, body: string): Mutation<NoteSaved> {
    const label = findConcept(this.db, id).label;
    const applied = this.history.record(`Edited the note of “${label}”`, (r) =>
      saveNote(this.db, r, id, body),
    );
    return this.answer({
      ...applied,
      value: { details: this.reader.concept(id), unresolved: applied.value },
    });
  }

  /** "Link it" (`at`: where each mention starts) or "Link all" (no `at`) on an unlinked mention. */
  linkMentions(
    lexicon: MentionLexicon,
    id: string,
    target: string,
    at?: readonly number[],
  ): Mutation<NoteSaved> {
    const label = findConcept(this.db, id).label;
    const targetLabel = findConcept(this.db, target).label;
    const applied = this.history.record(
      ({ linked }: { linked: number }) =>
        `Linked ${linked === 1 ? 'a mention' : `${linked} mentions`} of “${targetLabel}” in the note of “${label}”`,
      (r) => linkMentions(this.db, r, lexicon, id, target, at),
    );
    return this.answer({
      ...applied,
      value: { details: this.reader.concept(id), unresolved: applied.value.unresolved },
    });
  }

  dismissSuggestion(
    source: string,
    target: string,
    relation: string,
  ): Mutation<{ dismissed: true }> {
    const from = findConcept(this.db, source).label;
    const to = findConcept(this.db, target).label;
    const summary =
      relation === MENTIONS_RELATION
        ? `Dismissed the mention of “${to}” in the note of “${from}”`
        : `Dismissed the suggested link “${from}” ${relation} “${to}”`;
    const applied = this.history.record(summary, (r) =>
      dismissSuggestion(this.db, r, source, target, relation),
    );
    return this.answer({ ...applied, value: { dismissed: true as const } });
  }

  setTags(id: string, tags: readonly string[]): Mutation<ConceptDetails> {
    const label = findConcept(this.db, id).label;
    const applied = this.history.record(`Changed the tags of “${label}”`, (r) =>
      setTags(this.db, r, id, tags),
    );
    return this.answer({ ...applied, value: this.reader.concept(id) });
  }

  /** Concepts dragged by hand: one undoable step ("Moved “Pod”"). */
  moveConcepts(positions: readonly Position[]): Mutation<{ moved: number }> {
    const summary =
      positions.length === 1
        ? `Moved “${findConcept(this.db, positions[0]!.id).label}”`
        : `Moved ${positions.length} concepts`;
    const applied = this.history.record(summary, (r) =>
      placeConcepts(this.db, r, positions, 'hand'),
    );
    return this.answer({ ...applied, value: { moved: applied.value } });
  }

  /**
   * A layout's positions: one undoable step that restores every earlier position.
   * Pinned concepts stay where they are.
   */
  applyLayout(name: LayoutName, positions: readonly Position[]): Mutation<{ moved: number }> {
    const applied = this.history.record(
      (moved: number) =>
        `Laid out ${moved.toLocaleString('en')} concept${moved === 1 ? '' : 's'} (${LAYOUTS[name].label})`,
      (r) => {
        rememberLayout(this.db, r, name);
        return placeConcepts(this.db, r, positions, 'layout');
      },
    );
    if (positions.length > TIERS_AFTER) recomputeTiers(this.db);
    return this.answer({ ...applied, value: { moved: applied.value } });
  }

  /**
   * Places every concept that has no position, a cluster per category: the first open
   * of a graph too big to lay out in the window (an import of 100,000 concepts). One
   * undoable step, like a layout.
   */
  placeUnplaced(): Mutation<{ moved: number }> {
    const positions = unplacedByCategory(this.db);
    const applied = this.history.record(
      (moved: number) => `Placed ${moved.toLocaleString('en')} concepts by category`,
      (r) => placeConcepts(this.db, r, positions, 'layout'),
    );
    if (positions.length > 0) recomputeTiers(this.db);
    return this.answer({ ...applied, value: { moved: applied.value } });
  }

  setPinned(ids: readonly string[], pinned: boolean): Mutation<{ changed: number }> {
    const what =
      ids.length === 1 ? `“${findConcept(this.db, ids[0]!).label}”` : `${ids.length} concepts`;
    const applied = this.history.record(`${pinned ? 'Pinned' : 'Unpinned'} ${what}`, (r) =>
      setPinned(this.db, r, ids, pinned),
    );
    return this.answer({ ...applied, value: { changed: applied.value } });
  }

  setCategoryStyle(args: {
    id: string;
    color?: string;
    shape?: CategoryShape;
  }): Mutation<Category> {
    const { label } = findCategory(this.db, args.id);
    const what =
      args.color !== undefined && args.shape !== undefined
        ? 'colour and shape'
        : args.color !== undefined
          ? 'colour'
          : 'shape';
    const applied = this.history.record(`Changed the ${what} of the category “${label}”`, (r) =>
      setCategoryStyle(this.db, r, args),
    );
    return this.answer({ ...applied, value: findCategory(this.db, args.id) });
  }

  saveView(name: string, spec: ViewSpec): Mutation<SavedView> {
    const applied = this.history.record(`Saved the view ${quotedName(name)}`, (r) =>
      views.saveView(this.db, r, name, spec),
    );
    return this.answer({ ...applied, value: readView(this.db, applied.value) });
  }

  updateView(id: number, spec: ViewSpec): Mutation<SavedView> {
    const name = viewNameOf(this.db, id);
    const applied = this.history.record(`Updated the view ${quotedName(name)}`, (r) =>
      views.updateView(this.db, r, id, spec),
    );
    return this.answer({ ...applied, value: readView(this.db, id) });
  }

  renameView(id: number, name: string): Mutation<SavedView> {
    const before = viewNameOf(this.db, id);
    const applied = this.history.record(
      `Renamed the view ${quotedName(before)} to ${quotedName(name)}`,
      (r) => views.renameView(this.db, r, id, name),
    );
    return this.answer({ ...applied, value: readView(this.db, id) });
  }

  duplicateView(id: number): Mutation<SavedView> {
    const name = viewNameOf(this.db, id);
    const applied = this.history.record(
      (copy: number) =>
        `Duplicated the view ${quotedName(name)} as ${quotedName(viewNameOf(this.db, copy))}`,
      (r) => views.duplicateView(this.db, r, id),
    );
    return this.answer({ ...applied, value: readView(this.db, applied.value) });
  }

  deleteView(id: number): Mutation<{ id: number }> {
    const name = viewNameOf(this.db, id);
    const applied = this.history.record(`Deleted the view ${quotedName(name)}`, (r) =>
      views.deleteView(this.db, r, id),
    );
    return this.answer({ ...applied, value: { id } });
  }

  undo(): Mutation<HistoryEntry | null> {
    return this.answer(this.history.undo());
  }

  redo(): Mutation<HistoryEntry | null> {
    return this.answer(this.history.redo());
  }

  getHistory(limit?: number) {
    return { entries: this.history.entries(limit), state: this.history.state() };
  }
}
