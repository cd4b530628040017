import { useCallback, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../shared/limits';
import { useServices, useUi } from '../app/context';
import { selectHasGraph } from '../state/selectors';
import { SearchIcon } from './icons';
import { optionId, SearchResults, SEARCH_RESULTS_ID } from './SearchResults';

export function SearchBox() {
  const { session } = useServices();
  const query = useUi((s) => s.search.query);
  const open = useUi((s) => s.search.open);
  const activeIndex = useUi((s) => s.search.activeIndex);
  const hasResults = useUi((s) => s.search.results.length > 0);
  const enabled = useUi(selectHasGraph);
  const inputRef = useCallback(
    (el: HTMLInputElement | null) => session.search.registerInput(el),
    [session],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        session.search.moveActive(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        event.preventDefault();
        session.search.chooseResult();
        break;
      case 'Escape':
        // Also stops Chromium's own clearing of search inputs, which would bypass the store.
        event.preventDefault();
        session.search.escape();
        break;
    }
  };

  return (
    <div className="search">
      <SearchIcon />
      <input
        ref={inputRef}
        type="search"
        role="searchbox"
        aria-label="Search concepts"
        placeholder="Search concepts"
        autoComplete="off"
        spellCheck={false}
        maxLength={LIMITS.queryLength}
        disabled={!enabled}
        value={query}
        // Only while the list exists: a reference to nothing is an invalid value.
        aria-controls={open ? SEARCH_RESULTS_ID : undefined}
        aria-activedescendant={
          open && hasResults && activeIndex >= 0 ? optionId(activeIndex) : undefined
        }
        onChange={(e) => session.search.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => session.search.openResults()}
        onBlur={() => session.search.closeResults()}
      />
      {query === '' && (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      )}
      {open && <SearchResults />}
    </div>
  );
}
