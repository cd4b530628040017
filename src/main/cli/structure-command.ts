import { isLinkCount, type GraphStructure, type MeasureName } from '../../shared/structure';
import { graphStats } from '../services/stats';
import { StructureService } from '../services/structure/structure-service';
import type { CommandContext } from './commands';
import { statsCommand } from './commands';
import { table } from './output';

const BAR_WIDTH = 40;
const BY: Record<MeasureName, string> = {
  degree: 'links',
  inDegree: 'incoming links',
  outDegree: 'outgoing links',
  pagerank: 'PageRank',
  betweenness: 'betweenness',
};

/** A measure's value as the terminal shows it: counts whole, the rest to four figures. */
function formatValue(value: number, whole: boolean): string {
  return whole ? String(value) : value.toPrecision(4);
}

/** `cairn stats --top N`: the counts, then the structure (measured first if need be). */
export async function structureCommand(
  context: CommandContext & { readOnly: boolean },
  top: number,
  json: boolean,
): Promise<void> {
  const structure = await new StructureService(context.db, context.readOnly).current(top);
  if (json) {
    context.stdout(JSON.stringify({ counts: graphStats(context.db), structure }, null, 2));
    return;
  }
  statsCommand(context);
  for (const line of structureLines(structure)) context.stdout(line);
}

export function structureLines(s: GraphStructure): string[] {
  const lines: string[] = [];
  const sampled =
    s.betweennessSources < s.concepts
      ? `betweenness estimated from ${s.betweennessSources} of ${s.concepts} concepts`
      : 'betweenness exact';
  lines.push(`\nStructure (measured ${s.measuredAt}; ${sampled})`);
  lines.push(
    `  ${s.components.count} connected ${s.components.count === 1 ? 'part' : 'parts'}` +
      (s.components.largest[0] !== undefined
        ? ` (the largest holds ${s.components.largest[0]})`
        : '') +
      ` · ${s.communities.count} communities (modularity ${s.modularity.toFixed(3)})` +
      ` · ${s.isolated.count} without links`,
  );
  for (const { measure, concepts } of s.top) {
    const whole = isLinkCount(measure);
    lines.push(`\nTop ${concepts.length} by ${BY[measure]}`);
    lines.push(
      table(
        concepts.map(({ concept, value }) => [
          '  ' + formatValue(value, whole).padStart(whole ? 5 : 9),
          concept.label,
        ]),
      ),
    );
  }
  lines.push('\nLargest communities');
  lines.push(
    table(
      s.communities.largest.map(({ community, size, members }) => [
        `  ${String(community + 1).padStart(3)}.`,
        `${String(size).padStart(5)}`,
        members.map((m) => m.label).join(', '),
      ]),
    ),
  );
  if (s.isolated.count > 0) {
    lines.push(`\nWithout links (${s.isolated.count})`);
    lines.push('  ' + s.isolated.concepts.map((c) => c.label).join(', '));
  }
  lines.push('\nConcepts by number of links');
  const most = Math.max(...s.degreeDistribution.map((d) => d.concepts));
  lines.push(
    table(
      s.degreeDistribution.map(({ degree, concepts }) => [
        '  ' + String(degree).padStart(5),
        String(concepts).padStart(6),
        '█'.repeat(Math.max(1, Math.round((concepts / most) * BAR_WIDTH))),
      ]),
    ),
  );
  return lines;
}
