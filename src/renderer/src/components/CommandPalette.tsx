import { Command, defaultFilter } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeView, type SavedViewSummary } from '../../../shared/saved-views';
import { ACTIONS, shortcutText } from '../actions/registry';
import { useServices, useUi } from '../app/context';
import { useConceptSearch } from '../app/use-concept-search';
import { selectCategories } from '../state/selectors';
import { Modal } from './Modal';
import { Swatch } from './Swatch';

const COMMANDS = ACTIONS.filter((action) => !action.hiddenInPalette);
const CONCEPT = 'concept:';
const VIEW = 'view:';
const NO_VIEWS: readonly SavedViewSummary[] = [];

/**
 * cmdk's own matching and ranking, except that a concept the full-text search found
 * always stays listed (it may have matched in its description or note), after the
 * commands whose names match.
 */
function rank(value: string, search: string, keywords?: string[]): number {
  const score = defaultFilter(value, search, keywords);
  // A saved view named as typed is what the user means, before a command that mentions it.
  if (value.startsWith(VIEW)) {
    const name = keywords?.[0]?.toLocaleLowerCase('en') ?? '';
    const typed = search.trim().toLocaleLowerCase('en');
    return typed !== '' && name.startsWith(typed) ? 1 : score;
  }
  if (!value.startsWith(CONCEPT)) return score;
  // A concept whose label starts with what was typed is what the user means ("etc").
  const label = keywords?.[0]?.toLocaleLowerCase('en') ?? '';
  const typed = search.trim().toLocaleLowerCase('en');
  if (typed !== '' && label.startsWith(typed)) return 1;
  return Math.max(score, 0.0001);
}

/**
 * Every registered command, and "Go to concept" results from search. cmdk matches and
 * ranks what is typed against each command's name (and what it would do now), so
 * "lay" finds Re-layout first; concepts come from the full-text search (see `rank`).
 */
export function CommandPalette() {
  const { session } = useServices();
  const categories = useUi(selectCategories);
  const [query, setQuery] = useState('');
  const hits = useConceptSearch(query);
  const views = useUi((s) => s.savedViews ?? NO_VIEWS);
  useEffect(() => session.savedViews.ensureLoaded(), [session]);
  // The item Enter runs. cmdk keeps its choice when concept results arrive later than
  // the commands, so until the user moves with the keys, the best match is chosen here.
  const [selected, setSelected] = useState('');
  const chosenByKeys = useRef(false);
  // Primitives only, so the palette redraws when a command's state changes, not on every change.
  const enabled = useUi(useShallow((s) => COMMANDS.map((a) => a.isEnabled(s))));
  const pressed = useUi(useShallow((s) => COMMANDS.map((a) => a.isPressed?.(s) ?? false)));
  const described = useUi(
    useShallow((s) => COMMANDS.map((a) => (a.describe && !a.isPressed ? a.describe(s) : ''))),
  );

  useEffect(() => {
    if (chosenByKeys.current) return;
    // A view named as typed comes first: a command that only mentions it (Undo) ties.
    const candidates: { value: string; keywords: string[] }[] = [
      ...views.map((view) => ({ value: VIEW + view.id, keywords: [view.name, 'Open view'] })),
      ...COMMANDS.flatMap((action, i) =>
        enabled[i] ? [{ value: action.label, keywords: described[i] ? [described[i]] : [] }] : [],
      ),
      ...hits.map((hit) => ({ value: CONCEPT + hit.id, keywords: [hit.label] })),
    ];
    let best: { value: string; score: number } | null = null;
    for (const c of candidates) {
      const score = query.trim() === '' ? 0 : rank(c.value, query, c.keywords);
      if (score > 0 && (!best || score > best.score)) best = { value: c.value, score };
    }
    if (best) setSelected(best.value);
  }, [hits, views, query, enabled, described]);

  const run = (fn: () => void) => {
    session.editing.closeDialog();
    // After the palette has closed, so focus and dialogs the command opens are its own.
    setTimeout(fn, 0);
  };

  return (
    <Modal
      label="Command palette"
      onClose={() => session.editing.closeDialog()}
      className="palette"
      closeOnBackdrop
    >
      <Command
        label="Command palette"
        loop
        filter={rank}
        value={selected}
        onValueChange={setSelected}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') chosenByKeys.current = true;
        }}
      >
        <Command.Input
          value={query}
          onValueChange={(text) => {
            chosenByKeys.current = false;
            setQuery(text);
          }}
          placeholder="Type a command or a concept"
          autoFocus
          maxLength={500}
        />
        <Command.List>
          <Command.Empty>Nothing matches “{query.trim()}”.</Command.Empty>
          <Command.Group heading="Commands">
            {COMMANDS.map((action, i) => {
              if (!enabled[i]) return null;
              const keys = shortcutText(action);
              return (
                <Command.Item
                  key={action.id}
                  value={action.label}
                  keywords={described[i] ? [described[i]] : []}
                  onSelect={() => run(() => action.perform(session))}
                >
                  <span className="palette-label">{described[i] || action.label}</span>
                  {pressed[i] && <span className="palette-on">On</span>}
                  {keys && <kbd>{keys}</kbd>}
                </Command.Item>
              );
            })}
          </Command.Group>
          {views.length > 0 && (
            <Command.Group heading="Open view…">
              {views.map((view) => (
                <Command.Item
                  key={view.id}
                  value={VIEW + view.id}
                  keywords={[view.name, 'Open view']}
                  onSelect={() => run(() => void session.savedViews.open(view.id))}
                >
                  <span className="palette-label">{view.name}</span>
                  <span className="palette-hint">{describeView(view)}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {hits.length > 0 && (
            <Command.Group heading="Go to concept…">
              {hits.map((hit) => (
                <Command.Item
                  key={hit.id}
                  value={CONCEPT + hit.id}
                  keywords={[hit.label]}
                  onSelect={() => run(() => session.selection.navigateTo(hit.id))}
                >
                  <Swatch color={categories.get(hit.category)?.color} />
                  <span className="palette-label">{hit.label}</span>
                  <span className="palette-hint">{categories.get(hit.category)?.label}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command>
    </Modal>
  );
}
