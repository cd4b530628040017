import { Command } from 'cmdk';
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/domain';
import { shortcutText } from '../actions/actions';
import { useServices, useUi } from '../app/context';
import { selectCategories } from '../state/selectors';
import { Modal } from './Modal';
import { Swatch } from './Swatch';

const SEARCH_DELAY = 120;

/** Every registered action with its shortcut, and "Go to concept" results from search. */
export function CommandPalette() {
  const { session, actions } = useServices();
  const state = useUi((s) => s);
  const categories = useUi(selectCategories);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      session
        .findConcepts(query, 8)
        .then((found) => live && setHits(found))
        .catch(() => live && setHits([]));
    }, SEARCH_DELAY);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [session, query]);

  const wanted = query.trim().toLocaleLowerCase('en');
  const commands = actions.filter(
    (a) =>
      !a.hiddenInPalette &&
      a.isEnabled(state) &&
      (wanted === '' || a.label.toLocaleLowerCase('en').includes(wanted)),
  );
  const concepts = wanted === '' ? [] : hits;

  const run = (fn: () => void) => {
    session.closeDialog();
    // After the palette has closed, so focus and dialogs the action opens are its own.
    setTimeout(fn, 0);
  };

  return (
    <Modal
      label="Command palette"
      onClose={() => session.closeDialog()}
      className="palette"
      closeOnBackdrop
    >
      <Command label="Command palette" shouldFilter={false} loop>
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder="Type a command or a concept"
          autoFocus
          maxLength={500}
        />
        <Command.List>
          <Command.Empty>Nothing matches “{query.trim()}”.</Command.Empty>
          {commands.length > 0 && (
            <Command.Group heading="Commands">
              {commands.map((action) => {
                const keys = shortcutText(action);
                return (
                  <Command.Item
                    key={action.id}
                    value={`action:${action.id}`}
                    onSelect={() => run(() => action.run())}
                  >
                    <span className="palette-label">
                      {action.describe && !action.isPressed ? action.describe(state) : action.label}
                    </span>
                    {action.isPressed?.(state) && <span className="palette-on">On</span>}
                    {keys && <kbd>{keys}</kbd>}
                  </Command.Item>
                );
              })}
            </Command.Group>
          )}
          {concepts.length > 0 && (
            <Command.Group heading="Go to concept…">
              {concepts.map((hit) => (
                <Command.Item
                  key={hit.id}
                  value={`concept:${hit.id}`}
                  onSelect={() => run(() => session.navigateTo(hit.id))}
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
