import type { FormEvent } from 'react';
import type { PathHop } from '../../../shared/domain';
import type { FacetEntry } from '../../../shared/graph-view';
import { PATH_LIMITS, pathSentence } from '../../../shared/paths';
import { useServices, useUi } from '../app/context';
import { ActionButton } from './ActionButton';
import { ConceptPicker } from './ConceptPicker';
import { CloseIcon } from './icons';

const NO_RELATIONS: readonly FacetEntry[] = [];

/** One path as its sentence, each concept a button that goes to it. */
function PathLine({ hops, onGo }: { hops: readonly PathHop[]; onGo(id: string): void }) {
  return (
    <span className="path-line">
      <button type="button" className="path-hop" onClick={() => onGo(hops[0]!.from.id)}>
        {hops[0]!.from.label}
      </button>
      {hops.map((hop, i) => (
        <span key={i}>
          <span className="path-relation">
            {hop.direction === 'forward' ? ` —${hop.relation}→ ` : ` ←${hop.relation}— `}
          </span>
          <button type="button" className="path-hop" onClick={() => onGo(hop.to.id)}>
            {hop.to.label}
          </button>
        </span>
      ))}
    </span>
  );
}

/**
 * "How are X and Y connected?": two concepts, the limits (how many paths, hops, direction,
 * relations), and the answer, each path a sentence; the chosen one is lit on the map.
 */
export function PathPanel() {
  const { session } = useServices();
  const search = useUi((s) => s.paths);
  const relations = useUi((s) => s.summary?.relations ?? NO_RELATIONS);
  if (!search) return null;
  const flow = session.paths;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void flow.find();
  };
  const toggle = (list: 'relations' | 'avoid', relation: string, on: boolean) =>
    flow.update({
      [list]: on ? [...search[list], relation] : search[list].filter((r) => r !== relation),
    });
  const result = search.result;
  return (
    <aside aria-label="Paths" className="history-panel path-panel">
      <header className="history-head">
        <h2>Find paths</h2>
        <div className="history-tools">
          <ActionButton id="close-paths" icon={<CloseIcon />} className="icon-button" />
        </div>
      </header>
      <form className="path-form" onSubmit={submit}>
        <ConceptPicker
          label="From"
          value={search.fromText}
          onChange={(text) => flow.update({ fromText: text, from: null })}
          onPick={(id) => flow.update({ from: id })}
          exclude={search.to ?? undefined}
        />
        <ConceptPicker
          label="To"
          value={search.toText}
          onChange={(text) => flow.update({ toText: text, to: null })}
          onPick={(id) => flow.update({ to: id })}
          exclude={search.from ?? undefined}
          autoFocus
        />
        <div className="path-limits">
          <label>
            Paths
            <input
              type="number"
              min={1}
              max={PATH_LIMITS.maxK}
              value={search.k}
              onChange={(e) => flow.update({ k: Number(e.target.value) || 1 })}
            />
          </label>
          <label>
            Max hops
            <input
              type="number"
              min={1}
              max={PATH_LIMITS.maxHops}
              value={search.maxHops}
              onChange={(e) => flow.update({ maxHops: Number(e.target.value) || 1 })}
            />
          </label>
          <label className="path-check">
            <input
              type="checkbox"
              checked={search.directed}
              onChange={(e) => flow.update({ directed: e.target.checked })}
            />
            Follow link direction
          </label>
        </div>
        <details className="path-relations">
          <summary>
            Relations
            {search.relations.length + search.avoid.length > 0 && (
              <span className="filter-on">limited</span>
            )}
          </summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Relation</th>
                <th scope="col">Only</th>
                <th scope="col">Avoid</th>
              </tr>
            </thead>
            <tbody>
              {relations.map((r) => (
                <tr key={r.key}>
                  <td>{r.label}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Only along ${r.label}`}
                      checked={search.relations.includes(r.key)}
                      onChange={(e) => toggle('relations', r.key, e.target.checked)}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Avoid ${r.label}`}
                      checked={search.avoid.includes(r.key)}
                      onChange={(e) => toggle('avoid', r.key, e.target.checked)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {search.error && (
          <p role="alert" className="field-error">
            {search.error}
          </p>
        )}
        <button type="submit" className="button primary small" disabled={search.busy}>
          Find paths
        </button>
      </form>
      {result && (
        <section aria-label="Paths found" className="path-results">
          {result.noPath ? (
            <p role="status" className="path-none">
              {result.noPath}
            </p>
          ) : (
            <ol role="listbox" aria-label="Paths found" className="path-list">
              {result.paths.map((hops, i) => (
                <li
                  key={i}
                  role="option"
                  aria-selected={search.active === i}
                  aria-label={pathSentence(hops)}
                  tabIndex={0}
                  className={search.active === i ? 'is-active' : undefined}
                  onClick={() => void flow.light(i)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') void flow.light(i);
                  }}
                >
                  <span className="path-length">
                    {hops.length} {hops.length === 1 ? 'hop' : 'hops'}
                  </span>
                  <PathLine hops={hops} onGo={(id) => session.selection.navigateTo(id)} />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </aside>
  );
}
