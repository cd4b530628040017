import { useEffect, useRef } from 'react';
import { useServices, useUi } from '../app/context';
import { selectCategories } from '../state/selectors';
import { Snippet } from './Snippet';
import { Swatch } from './Swatch';

export const SEARCH_RESULTS_ID = 'search-results';
export const optionId = (index: number) => `search-option-${index}`;

export function SearchResults() {
  const { session } = useServices();
  const search = useUi((s) => s.search);
  const categories = useUi(selectCategories);
  const listRef = useRef<HTMLUListElement>(null);
  const pending = search.resultsFor !== search.query.trim();

  useEffect(() => {
    const active = listRef.current?.querySelector('[aria-selected="true"]');
    active?.scrollIntoView({ block: 'nearest' });
  }, [search.activeIndex, search.results]);

  return (
    <div className="search-popover">
      <ul
        ref={listRef}
        id={SEARCH_RESULTS_ID}
        role="listbox"
        aria-label="Search results"
        className={pending ? 'search-results is-pending' : 'search-results'}
      >
        {search.results.map((hit, index) => {
          const category = categories.get(hit.category);
          return (
            <li
              key={hit.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === search.activeIndex}
              aria-labelledby={`${optionId(index)}-label`}
              aria-describedby={`${optionId(index)}-snippet`}
              className="search-option"
              // Keep focus in the input so the list does not close before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => session.search.chooseResult(index)}
            >
              <div className="search-option-head">
                <Swatch color={category?.color} />
                <span id={`${optionId(index)}-label`} className="search-option-label">
                  {hit.label}
                </span>
                <span className="search-option-category">{category?.label ?? hit.category}</span>
              </div>
              <div id={`${optionId(index)}-snippet`} className="search-option-snippet">
                <Snippet parts={hit.snippet} />
              </div>
            </li>
          );
        })}
      </ul>
      {search.results.length === 0 && (
        <p className="search-message">
          {search.error ?? (pending ? 'Searching…' : `No matches for “${search.resultsFor}”`)}
        </p>
      )}
    </div>
  );
}
