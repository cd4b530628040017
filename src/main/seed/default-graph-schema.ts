import { z } from 'zod';

// The reviewable text form of the default graph, data/default-graph.json.
// Strict objects: a misspelt field is an error, not silently ignored.
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-kebab-case id');
const text = (max: number) => z.string().trim().min(1).max(max);

export const defaultGraphSchema = z
  .object({
    format: z.literal('cairn-default-graph'),
    version: z.literal(1),
    source: text(200),
    categories: z
      .array(
        z
          .object({
            id: slug,
            label: text(80),
            color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a #rrggbb colour'),
          })
          .strict(),
      )
      .min(1),
    concepts: z
      .array(
        z
          .object({
            id: slug,
            label: text(120),
            category: slug,
            description: text(600),
            section: text(200),
            tags: z
              .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/))
              .max(10)
              .optional(),
          })
          .strict(),
      )
      .min(1),
    links: z.array(
      z
        .object({
          source: slug,
          target: slug,
          relation: z.string().regex(/^[a-z]+( [a-z]+)*$/, 'must be lowercase words'),
          section: text(200),
        })
        .strict(),
    ),
  })
  .strict();

export type DefaultGraph = z.infer<typeof defaultGraphSchema>;

/**
 * What a schema cannot say: ids and labels are unique, every reference resolves,
 * no link points at itself or repeats. Returns one sentence per problem.
 */
export function findGraphProblems(graph: DefaultGraph): string[] {
  const problems: string[] = [];
  const categoryIds = new Set(graph.categories.map((c) => c.id));
  const conceptIds = new Set<string>();
  const labels = new Set<string>();
  for (const concept of graph.concepts) {
    if (conceptIds.has(concept.id)) problems.push(`concept id "${concept.id}" appears twice`);
    conceptIds.add(concept.id);
    const label = concept.label.toLocaleLowerCase('en');
    if (labels.has(label)) problems.push(`label "${concept.label}" appears twice`);
    labels.add(label);
    if (!categoryIds.has(concept.category)) {
      problems.push(`concept "${concept.id}" has unknown category "${concept.category}"`);
    }
  }
  const linkKeys = new Set<string>();
  graph.links.forEach((link, index) => {
    for (const end of [link.source, link.target]) {
      if (!conceptIds.has(end))
        problems.push(`link ${index + 1} points at unknown concept "${end}"`);
    }
    if (link.source === link.target)
      problems.push(`link ${index + 1} links "${link.source}" to itself`);
    const key = `${link.source}\u0000${link.target}\u0000${link.relation}`;
    if (linkKeys.has(key)) {
      problems.push(`link "${link.source} ${link.relation} ${link.target}" appears twice`);
    }
    linkKeys.add(key);
  });
  return problems;
}
