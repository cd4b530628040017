import { useServices, useUi } from '../app/context';
import { selectLegend } from '../state/selectors';
import { Swatch } from './Swatch';

export function Legend() {
  const { session } = useServices();
  const entries = useUi(selectLegend);
  const highlighted = useUi((s) => s.highlightedCategory);
  return (
    <section aria-label="Legend" className="legend">
      <div className="panel-title">Categories</div>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className="legend-item"
              aria-pressed={highlighted === entry.id}
              title={`Highlight ${entry.label}`}
              onClick={() => session.selection.toggleCategory(entry.id)}
            >
              <Swatch color={entry.color} />
              <span className="legend-label">{entry.label}</span>
              <span className="legend-count">{entry.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
