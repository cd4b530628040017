import { useState } from 'react';
import {
  isLinkCount,
  MEASURE_LABELS,
  MEASURE_MEANINGS,
  MEASURES,
  type GraphStructure,
  type MeasureName,
} from '../../../shared/structure';
import { useUi } from '../app/context';
import { communityColour } from '../graph/styling';
import { ActionButton } from './ActionButton';
import { ConceptLink } from './ConceptLink';
import { DegreeChart } from './DegreeChart';
import { CloseIcon } from './icons';
import { Swatch } from './Swatch';

const number = new Intl.NumberFormat();

function formatMeasure(measure: MeasureName, value: number): string {
  return isLinkCount(measure) ? number.format(value) : value.toPrecision(3);
}

/**
 * The graph's structure: counts, the degree distribution, the top concepts by each
 * measure, the communities and the concepts without links. Each concept is a link to it.
 */
export function StructurePanel() {
  const answer = useUi((s) => s.structure);
  const summary = useUi((s) => s.summary);
  const structure = answer?.structure ?? null;
  return (
    <aside aria-label="Structure" className="history-panel structure-panel">
      <header className="history-head">
        <h2>Structure</h2>
        <div className="history-tools">
          <ActionButton id="close-structure" icon={<CloseIcon />} className="icon-button" />
        </div>
      </header>
      <div className="structure-body">
        {/* Only the state is announced; the progress moves silently beside it. */}
        <p className="muted structure-status" role="status">
          {answer?.state === 'current' && structure
            ? `Measured ${new Date(structure.measuredAt).toLocaleString()}`
            : `Measuring the graph…${structure ? ' Showing the last measure meanwhile.' : ''}`}
        </p>
        {answer?.state === 'measuring' && (
          <progress value={answer.progress ?? 0} max={1} aria-label="Measuring the graph" />
        )}
        {structure && <Overview structure={structure} />}
        {summary && (
          <section aria-label="Counts">
            <h3>Counts</h3>
            <CountTable
              caption="Concepts by category"
              rows={summary.categories.map((c) => [c.label, c.total])}
            />
            <CountTable
              caption="Links by relation"
              rows={summary.relations.map((r) => [r.label, r.total])}
            />
            <CountTable
              caption="Concepts by origin"
              rows={summary.origins.map((o) => [o.label, o.total])}
            />
          </section>
        )}
        {structure && <StructureDetails structure={structure} />}
      </div>
    </aside>
  );
}

function Overview({ structure }: { structure: GraphStructure }) {
  const sampled = structure.betweennessSources < structure.concepts;
  return (
    <dl className="structure-overview">
      <dt>Connected parts</dt>
      <dd>
        {number.format(structure.components.count)}
        {structure.components.largest[0] !== undefined &&
          ` (largest ${number.format(structure.components.largest[0])})`}
      </dd>
      <dt>Communities</dt>
      <dd>
        {number.format(structure.communities.count)} (modularity {structure.modularity.toFixed(2)})
      </dd>
      <dt>Without links</dt>
      <dd>{number.format(structure.isolated.count)}</dd>
      {sampled && (
        <>
          <dt>Betweenness</dt>
          <dd>
            estimated from {number.format(structure.betweennessSources)} of{' '}
            {number.format(structure.concepts)} concepts
          </dd>
        </>
      )}
    </dl>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return null;
  const shown = all ? rows : rows.slice(0, 6);
  return (
    <table className="structure-table">
      <caption>{caption}</caption>
      <tbody>
        {shown.map(([label, count]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{number.format(count)}</td>
          </tr>
        ))}
      </tbody>
      {rows.length > 6 && (
        <tfoot>
          <tr>
            <td colSpan={2}>
              <button
                type="button"
                className="link-button"
                aria-expanded={all}
                aria-label={`${all ? 'Fewer' : `All ${rows.length}`}: ${caption.toLowerCase()}`}
                onClick={() => setAll(!all)}
              >
                {all ? 'Fewer' : `All ${rows.length}`}
              </button>
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function StructureDetails({ structure }: { structure: GraphStructure }) {
  const [measure, setMeasure] = useState<MeasureName>('pagerank');
  const top = structure.top.find((t) => t.measure === measure)?.concepts ?? [];
  return (
    <>
      <section aria-label="Degree distribution">
        <h3>Concepts by number of links</h3>
        <DegreeChart distribution={structure.degreeDistribution} />
      </section>
      <section aria-label="Top concepts">
        <h3>
          <label>
            Top {top.length} by{' '}
            <select value={measure} onChange={(e) => setMeasure(e.target.value as MeasureName)}>
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {MEASURE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
        </h3>
        <p className="muted structure-meaning">{MEASURE_MEANINGS[measure]}</p>
        <ol className="structure-ranking">
          {top.map(({ concept, value }) => (
            <li key={concept.id}>
              <ConceptLink concept={concept} />
              <span className="structure-value">{formatMeasure(measure, value)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Communities">
        <h3>Largest communities</h3>
        <ol className="structure-communities">
          {structure.communities.largest.map((c) => (
            <li key={c.community}>
              <Swatch color={communityColour(c.community)} />
              <span className="structure-community-size">
                {number.format(c.size)} concepts:
              </span>{' '}
              {c.members.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && ', '}
                  <ConceptLink concept={m} />
                </span>
              ))}
            </li>
          ))}
        </ol>
      </section>
      {structure.isolated.count > 0 && (
        <section aria-label="Without links">
          <h3>Without links ({number.format(structure.isolated.count)})</h3>
          <ul className="structure-isolated">
            {structure.isolated.concepts.map((c) => (
              <li key={c.id}>
                <ConceptLink concept={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
