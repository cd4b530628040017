import type { ReactNode } from 'react';
import { entryState, type Facet } from '../../../shared/filters';
import { useServices, useUi } from '../app/context';
import { EyeIcon, EyeOffIcon, OnlyIcon } from './icons';

function count(shown: number, total: number): string {
  return shown === total
    ? total.toLocaleString('en')
    : `${shown.toLocaleString('en')} / ${total.toLocaleString('en')}`;
}

/**
 * One entry of a filter facet: its name (a button for whatever the facet does with a
 * click, such as lighting a category), how many the filter shows of it, and two
 * toggles: hide it, or make it one of the only ones shown.
 */
export function FilterEntry({
  facet,
  value,
  label,
  shown,
  total,
  swatch,
  pressed,
  onClick,
  clickTitle,
}: {
  facet: Facet;
  value: string;
  label: string;
  shown: number;
  total: number;
  swatch?: ReactNode;
  /** For a name that is itself a toggle (a lit category). */
  pressed?: boolean;
  onClick?: () => void;
  clickTitle?: string;
}) {
  const { session } = useServices();
  const state = useUi((s) => entryState(s.filter[facet], value));
  const name = (
    <>
      <span className="filter-label">{label}</span>
      <span className="filter-count">{count(shown, total)}</span>
    </>
  );
  return (
    <li className={`filter-entry is-${state}`}>
      {/* Beside the name, not in it: the swatch may be a control of its own (a colour picker). */}
      {swatch && <span className="filter-swatch">{swatch}</span>}
      {onClick ? (
        <button
          type="button"
          className="filter-name"
          aria-pressed={pressed}
          title={clickTitle}
          onClick={onClick}
        >
          {name}
        </button>
      ) : (
        <span className="filter-name">{name}</span>
      )}
      <span className="filter-toggles">
        <button
          type="button"
          className="filter-toggle"
          aria-label={state === 'hidden' ? `Show ${label}` : `Hide ${label}`}
          title={state === 'hidden' ? `Show ${label}` : `Hide ${label}`}
          aria-pressed={state === 'hidden'}
          onClick={() =>
            void session.filters.setEntry(facet, value, state === 'hidden' ? 'shown' : 'hidden')
          }
        >
          {state === 'hidden' ? <EyeOffIcon /> : <EyeIcon />}
        </button>
        <button
          type="button"
          className="filter-toggle"
          aria-label={state === 'only' ? `Stop showing only ${label}` : `Show only ${label}`}
          title={
            state === 'only'
              ? `Stop showing only ${label}`
              : `Show only ${label} (with any others shown only)`
          }
          aria-pressed={state === 'only'}
          onClick={() =>
            void session.filters.setEntry(facet, value, state === 'only' ? 'shown' : 'only')
          }
        >
          <OnlyIcon />
        </button>
      </span>
    </li>
  );
}
