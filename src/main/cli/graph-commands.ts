// `cairn path` and `cairn neighbours`: exploring the graph from the command line.
import { contractSchemas, describeIssue } from '../../shared/contract-schemas';
import type { Link, Neighbourhood } from '../../shared/domain';
import { pathSentence } from '../../shared/paths';
import { GraphReader } from '../services/graph-reader';
import { PathFinder, type FindPathsArgs } from '../services/paths/find-paths';
import type { CommandContext } from './commands';
import { chooseConcept, type ChosenConcept } from './concept-argument';
import { EXIT, UsageError } from './output';

export interface PathOptions {
  k?: number;
  maxHops?: number;
  relations: string[];
  avoid: string[];
  directed: boolean;
  json: boolean;
}

function say(stderr: (line: string) => void, text: string, chosen: ChosenConcept): void {
  if (!chosen.exact) stderr(`Taking “${chosen.label}” (id ${chosen.id}) for “${text.trim()}”.`);
}

/** Prints the k shortest paths, one sentence per line (or JSON); exit 1 when there is none. */
export function pathCommand(
  context: CommandContext & { stderr: (line: string) => void },
  words: readonly [string, string],
  options: PathOptions,
): number {
  const [fromText, toText] = words;
  const from = chooseConcept(context.db, fromText, 'FROM');
  const to = chooseConcept(context.db, toText, 'TO');
  say(context.stderr, fromText, from);
  say(context.stderr, toText, to);
  if (from.id === to.id) throw new UsageError(`FROM and TO are both “${from.label}”`);
  const args: FindPathsArgs = {
    from: from.id,
    to: to.id,
    ...(options.k !== undefined ? { k: options.k } : {}),
    ...(options.maxHops !== undefined ? { maxHops: options.maxHops } : {}),
    ...(options.relations.length > 0 ? { relations: options.relations } : {}),
    ...(options.avoid.length > 0 ? { avoid: options.avoid } : {}),
    directed: options.directed,
  };
  // The same checks as the app's calls get at the boundary.
  const checked = contractSchemas.findPaths.safeParse(args);
  if (!checked.success) throw new UsageError(describeIssue('path', checked.error));
  const result = new PathFinder(context.db).find(checked.data);

  if (options.json) context.stdout(JSON.stringify(result.paths, null, 2));
  else for (const path of result.paths) context.stdout(pathSentence(path));
  if (result.noPath !== null) {
    if (options.json) context.stderr(result.noPath);
    else context.stdout(result.noPath);
    return EXIT.failed;
  }
  if (result.paths.length < result.k) {
    const n = result.paths.length;
    context.stderr(
      `Only ${n} path${n === 1 ? '' : 's'} of at most ${result.maxHops} links ${n === 1 ? 'joins' : 'join'} ${from.label} and ${to.label}.`,
    );
  }
  return EXIT.ok;
}

/** Distances from the centre, walking the neighbourhood's own links either way. */
function distances(neighbourhood: Neighbourhood): Map<string, number> {
  const next = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  for (const { source, target } of neighbourhood.links) {
    add(source, target);
    add(target, source);
  }
  const distance = new Map([[neighbourhood.centre, 0]]);
  let frontier = [neighbourhood.centre];
  for (let d = 1; frontier.length > 0; d++) {
    const reached: string[] = [];
    for (const id of frontier) {
      for (const other of next.get(id) ?? []) {
        if (distance.has(other)) continue;
        distance.set(other, d);
        reached.push(other);
      }
    }
    frontier = reached;
  }
  return distance;
}

const linksWord = (n: number) => `${n} link${n === 1 ? '' : 's'}`;

/** Prints the local graph the app shows around a concept: concepts by distance, then links. */
export function neighboursCommand(
  context: CommandContext & { stderr: (line: string) => void },
  text: string,
  depth: number,
  json: boolean,
): void {
  const centre = chooseConcept(context.db, text, 'the concept');
  say(context.stderr, text, centre);
  const reader = new GraphReader(context.db);
  const local = reader.neighbourhood(centre.id, depth);
  const distance = distances(local);
  if (json) {
    context.stdout(
      JSON.stringify(
        {
          centre: local.centre,
          depth: local.depth,
          truncated: local.truncated,
          concepts: local.concepts.map((c) => ({ ...c, distance: distance.get(c.id) ?? null })),
          links: local.links,
        },
        null,
        2,
      ),
    );
    return;
  }
  const categories = new Map(reader.categories().map((c) => [c.id, c.label]));
  const labels = new Map(local.concepts.map((c) => [c.id, c.label]));
  context.stdout(
    `${centre.label} and what lies within ${linksWord(depth)} of it: ${local.concepts.length} concepts, ${linksWord(local.links.length)}`,
  );
  if (local.truncated) {
    context.stdout(`(stopped at ${local.concepts.length.toLocaleString('en')} concepts)`);
  }
  for (let d = 0; d <= depth; d++) {
    const here = local.concepts.filter((c) => distance.get(c.id) === d);
    if (here.length === 0) continue;
    context.stdout(`\n${d === 0 ? 'Centre' : `${linksWord(d)} away`}`);
    for (const c of here) {
      context.stdout(`  ${c.label}  (${categories.get(c.category) ?? c.category}, id ${c.id})`);
    }
  }
  context.stdout('\nLinks');
  const sentence = (l: Link) => `  ${labels.get(l.source)} —${l.relation}→ ${labels.get(l.target)}`;
  for (const link of local.links) context.stdout(sentence(link));
}
