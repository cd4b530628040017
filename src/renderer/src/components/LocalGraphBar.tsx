import { useServices, useUi } from '../app/context';
import { selectDrawn } from '../state/selectors';
import { ActionButton } from './ActionButton';

/** How deep a local graph can go: beyond 5 hops most graphs are whole again. */
const MAX_DEPTH = 5;
/** The hubs named with "and N more"; the rest are in the count. */
const NAMED_HUBS = 3;

/**
 * Over the map in a local graph: what it is around, its depth, the hubs that showed only
 * their most linked neighbours ("and 312 more"), and the way back to the whole graph.
 */
export function LocalGraphBar() {
  const { session } = useServices();
  const mode = useUi((s) => s.mode);
  const drawn = useUi((s) => s.drawn);
  const concepts = useUi(selectDrawn);
  if (mode.kind !== 'local') return null;
  const labelOf = (id: string) => concepts.get(id)?.label ?? id;
  const around =
    mode.focus.length === 1 ? labelOf(mode.focus[0]!) : `${mode.focus.length} concepts`;
  const remainders = drawn?.scope === 'local' ? drawn.remainders : [];
  return (
    <section className="local-bar" aria-label="Local graph">
      <div className="local-bar-row">
        <h2 className="local-bar-title" title={`Local graph of ${around}`}>
          Local graph of <strong>{around}</strong>
        </h2>
        <label className="local-depth">
          <span>Depth</span>
          <input
            type="range"
            min={1}
            max={MAX_DEPTH}
            step={1}
            value={mode.depth}
            aria-valuetext={`${mode.depth} ${mode.depth === 1 ? 'hop' : 'hops'}`}
            onChange={(event) => void session.local.setDepth(Number(event.target.value))}
          />
          <output>{mode.depth}</output>
        </label>
        <span className="muted">{(drawn?.concepts.length ?? 0).toLocaleString('en')} concepts</span>
        <ActionButton id="whole-graph" text="Whole graph" />
      </div>
      {remainders.length > 0 && (
        <ul className="local-remainders">
          {remainders.slice(0, NAMED_HUBS).map((hub) => (
            <li key={hub.id}>
              <span>
                {labelOf(hub.id)}: its {hub.shown} most linked neighbours, and{' '}
                {(hub.total - hub.shown).toLocaleString('en')} more
              </span>
              <button
                type="button"
                className="button small"
                onClick={() => void session.local.showAllOf(hub.id)}
              >
                Show all {hub.total.toLocaleString('en')}
              </button>
            </li>
          ))}
          {remainders.length > NAMED_HUBS && (
            <li className="muted">and {remainders.length - NAMED_HUBS} more hubs shown in part</li>
          )}
        </ul>
      )}
    </section>
  );
}
