import {
  isLinkCount,
  MEASURE_LABELS,
  SIZE_MEANINGS,
  MEASURES,
  type MeasureName,
} from '../../../shared/structure';
import { ORIGIN_LABELS, type Origin } from '../../../shared/domain';
import { useServices, useUi } from '../app/context';
import {
  COLOUR_BY,
  communityColour,
  NAMED_COMMUNITIES,
  ORIGIN_COLOURS,
  OTHER_COLOUR,
  type ColourBy,
} from '../graph/styling';
import { Swatch } from './Swatch';

const COLOUR_LABELS: Record<ColourBy, string> = {
  category: 'Category',
  community: 'Community',
  origin: 'Origin',
};

/**
 * What size and colour mean on the map now, and the two choices. Colour by category is
 * explained by the category list below it; by community or origin, here.
 */
export function StylingLegend() {
  const { session } = useServices();
  const styling = useUi((s) => s.styling);
  const answer = useUi((s) => s.structure);
  const structure = answer?.structure ?? null;
  const measuring = answer?.state === 'measuring';
  return (
    <div className="styling-legend">
      <div className="styling-choices">
        <label>
          Size by
          <select
            value={styling.sizeBy}
            onChange={(e) => session.structure.setSizeBy(e.target.value as MeasureName)}
          >
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {MEASURE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour by
          <select
            value={styling.colourBy}
            onChange={(e) => session.structure.setColourBy(e.target.value as ColourBy)}
          >
            {COLOUR_BY.map((c) => (
              <option key={c} value={c}>
                {COLOUR_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="styling-meaning">
        Larger: {SIZE_MEANINGS[styling.sizeBy]}
        {structure && ` (most: ${formatMax(styling.sizeBy, structure.maxima[styling.sizeBy])})`}.
        {measuring && ' Measuring…'}
      </p>
      {styling.colourBy === 'community' && structure && (
        <ul className="styling-keys" aria-label="Communities">
          {structure.communities.largest.slice(0, NAMED_COMMUNITIES).map((c) => (
            <li key={c.community}>
              <Swatch color={communityColour(c.community)} />
              <span>
                {c.members[0]?.label ?? `Community ${c.community + 1}`}
                {c.members.length > 1 && ' and others'}
              </span>
              <span className="muted">{c.size}</span>
            </li>
          ))}
          {structure.communities.count > NAMED_COMMUNITIES && (
            <li>
              <Swatch color={OTHER_COLOUR} />
              <span>
                {structure.communities.count - NAMED_COMMUNITIES} smaller communities, and concepts
                added since the last measure
              </span>
            </li>
          )}
        </ul>
      )}
      {styling.colourBy === 'origin' && (
        <ul className="styling-keys" aria-label="Origins">
          {(Object.keys(ORIGIN_LABELS) as Origin[]).map((origin) => (
            <li key={origin}>
              <Swatch color={ORIGIN_COLOURS[origin]} />
              <span>{ORIGIN_LABELS[origin]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function formatMax(measure: MeasureName, value: number): string {
  return isLinkCount(measure) ? `${value} links` : value.toPrecision(3);
}
