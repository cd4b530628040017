import { useServices, useUi } from '../app/context';
import { selectLegend } from '../state/selectors';
import { FilterEntry } from './FilterEntry';
import { CategoryColour } from './CategoryColour';
import { StylingLegend } from './StylingLegend';

/**
 * The categories, with their colours and how many concepts each has (of all, and shown
 * by the filter). Clicking one lights its concepts; each can be hidden or made the only
 * one shown.
 */
export function Legend() {
  const { session } = useServices();
  const entries = useUi(selectLegend);
  const highlighted = useUi((s) => s.highlightedCategory);
  return (
    <section aria-label="Legend" className="legend-section">
      <StylingLegend />
      <div className="panel-title">Categories</div>
      <ul className="filter-list">
        {entries.map((entry) => (
          <FilterEntry
            key={entry.id}
            facet="categories"
            value={entry.id}
            label={entry.label}
            shown={entry.shown}
            total={entry.total}
            swatch={<CategoryColour id={entry.id} label={entry.label} color={entry.color} />}
            pressed={highlighted === entry.id}
            clickTitle={`Highlight ${entry.label}`}
            onClick={() => session.selection.toggleCategory(entry.id)}
          />
        ))}
      </ul>
    </section>
  );
}
