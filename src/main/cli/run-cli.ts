import path from 'node:path';
import { parseArgs } from 'node:util';
import { LIMITS } from '../../shared/limits';
import { PATH_LIMITS } from '../../shared/paths';
import { openGraph } from '../open-graph';
import { readOnlyError } from '../services';
import { defaultDatabasePath } from '../paths';
import { exportCommand, exportFormatsHelp, searchCommand, statsCommand } from './commands';
import { neighboursCommand, pathCommand } from './graph-commands';
import { importCommand } from './import-command';
import { EXIT, reportError, UsageError } from './output';
import { parsePort, serveCommand } from './serve';
import { structureCommand } from './structure-command';
import { viewsCommand } from './views-command';
import { parseMoment } from './as-of';
import { graphStats } from '../services/stats';
import { STRUCTURE_TOP_LIMIT } from '../../shared/structure';

const HELP = `Cairn: an offline knowledge-graph explorer

Usage: cairn <command> [options]

Commands:
  serve [--port N] [--no-open]   open the app in your browser (browser mode, on 127.0.0.1 only)
  stats [--top N] [--json]       counts of concepts and links, by category and relation;
                                 with --top, the structure too: the top N (1 to 100) by
                                 links, PageRank and betweenness, the communities, the
                                 connected parts and the degree distribution (measured
                                 first when the graph changed since)
  search TEXT [--limit N]        ranked full-text search over labels, descriptions and notes
  path FROM TO [--k N] [--max-hops N] [--relation R]... [--avoid R]... [--directed] [--json]
                                 how two concepts are connected: the N shortest paths
                                 (default 3, at most 10) of at most --max-hops links
                                 (default 6, at most 12), one per line; links are followed
                                 either way unless --directed (--undirected is the default);
                                 --relation keeps to those relations, --avoid leaves them
                                 out ("mentions" names the links of [[wikilinks]] in notes);
                                 exit 1 when there is no path
  neighbours CONCEPT [--depth N] [--json]
                                 the local graph around a concept, to depth N (1 to 5,
                                 default 1): its concepts by distance, then their links
  export --format F --out PATH [--view NAME] [--as-of MOMENT]
                                 write the graph in format F (below) to a file or folder;
                                 with --view, only what that saved view shows; with
                                 --as-of (2026-11-30T12:00 in local time, or with Z or
                                 ±hh:mm), the graph as it was then, from its history
  views [--json]                 the saved views of the graph, with what each shows
  import --file PATH [--format F] [--dry-run] [--conflicts keep-mine|take-theirs]
                                 merge a graph file or folder into this one (formats below);
                                 --dry-run shows what would change and writes nothing;
                                 --conflicts: where a concept already in the graph holds a
                                 different description, category, note or attribute value

FROM, TO and CONCEPT are ids or labels, matched as the search box matches them: an exact
id, then an exact label, then the one clear search hit (Cairn says which it took).

Options for every command:
  --db FILE    the graph database (default: ${defaultDatabasePath()})
               a file that does not exist is created with the default graph
  --empty      create a new database without the default graph
  -h, --help   show this help
  --version    show Cairn's version

Export formats:
${exportFormatsHelp()}

Import formats (from the extension unless --format is given):
  json        Cairn's own          graphml   yEd, Gephi, networkx, igraph, Cytoscape
  gexf        Gephi, networkx      cytoscape Cytoscape.js JSON (.cyjs, .json)
  csv         nodes.csv + edges.csv, a folder with them, or an edge list alone
  markdown    an Obsidian-style vault folder: folders become categories
`;

const OPTIONS = {
  db: { type: 'string' },
  empty: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  limit: { type: 'string' },
  port: { type: 'string' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean' },
  conflicts: { type: 'string' },
  'no-open': { type: 'boolean' },
  k: { type: 'string' },
  'max-hops': { type: 'string' },
  relation: { type: 'string', multiple: true },
  avoid: { type: 'string', multiple: true },
  directed: { type: 'boolean' },
  undirected: { type: 'boolean' },
  depth: { type: 'string' },
  json: { type: 'boolean' },
  top: { type: 'string' },
  view: { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const COMMANDS = [
  'serve',
  'stats',
  'search',
  'path',
  'neighbours',
  'export',
  'import',
  'views',
] as const;
type Command = (typeof COMMANDS)[number];

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  isTty: boolean;
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the option, e.g. "Unknown option '--foo'".
    throw new UsageError(
      (error as Error).message.split('\n')[0]?.replace(/\.$/, '') ?? 'invalid arguments',
    );
  }
}

/** A whole-number option within bounds, or undefined when it was not given. */
function parseWhole(raw: string | undefined, name: string, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${raw}"`);
  }
  return value;
}

function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (values.version) {
      io.stdout(__CAIRN_VERSION__);
      return EXIT.ok;
    }
    if (!command) throw new UsageError('no command given');
    if (!isCommand(command)) throw new UsageError(`unknown command "${command}"`);
    // Check every argument before the database is opened or created.
    const limit = parseWhole(values.limit, 'limit', 100) ?? 20;
    const k = parseWhole(values.k, 'k', PATH_LIMITS.maxK);
    const maxHops = parseWhole(values['max-hops'], 'max-hops', PATH_LIMITS.maxHops);
    const depth = parseWhole(values.depth, 'depth', LIMITS.neighbourhoodDepth) ?? 1;
    const top = parseWhole(values.top, 'top', STRUCTURE_TOP_LIMIT);
    if (values.directed && values.undirected) {
      throw new UsageError('choose --directed or --undirected, not both');
    }
    const port = parsePort(values.port);
    const databasePath = values.db ?? defaultDatabasePath();
    if (command === 'serve') {
      await serveCommand({
        databasePath,
        empty: values.empty ?? false,
        port,
        open: !values['no-open'],
        stdout: io.stdout,
        stderr: io.stderr,
      });
      return EXIT.ok;
    }
    if (command === 'import' && !values.file) throw new UsageError('import needs --file PATH');
    if (values['as-of'] !== undefined && command !== 'export') {
      throw new UsageError(
        '--as-of goes with export: cairn export --as-of 2026-11-30T12:00 --format F --out PATH',
      );
    }
    const asOf = values['as-of'] === undefined ? undefined : parseMoment(values['as-of']);
    if (values.view !== undefined && command !== 'export') {
      throw new UsageError(
        '--view goes with export: cairn export --view NAME --format F --out PATH',
      );
    }
    if (command === 'path' && rest.length !== 2) {
      throw new UsageError(
        'path needs two concepts, FROM and TO (quote a label with spaces: cairn path "API server" etcd)',
      );
    }
    if (command === 'neighbours' && rest.length !== 1) {
      throw new UsageError('neighbours needs one concept (quote a label with spaces)');
    }
    const opened = openGraph(databasePath, { empty: values.empty });
    try {
      const context = { db: opened.db, databasePath: opened.file, stdout: io.stdout };
      if (opened.created)
        io.stderr(
          `Created ${opened.file}${values.empty ? ' (empty)' : ' with the default graph'}.`,
        );
      if (command === 'stats' && top !== undefined) {
        await structureCommand(
          { ...context, readOnly: opened.readOnly },
          top,
          values.json ?? false,
        );
      } else if (command === 'stats' && values.json) {
        io.stdout(JSON.stringify({ counts: graphStats(opened.db) }, null, 2));
      } else if (command === 'stats') statsCommand(context);
      if (command === 'search') searchCommand(context, rest.join(' '), limit, io.isTty);
      if (command === 'path') {
        return pathCommand({ ...context, stderr: io.stderr }, [rest[0]!, rest[1]!], {
          k,
          maxHops,
          relations: values.relation ?? [],
          avoid: values.avoid ?? [],
          directed: values.directed ?? false,
          json: values.json ?? false,
        });
      }
      if (command === 'neighbours') {
        neighboursCommand({ ...context, stderr: io.stderr }, rest[0]!, depth, values.json ?? false);
      }
      if (command === 'export') {
        exportCommand(
          { ...context, stderr: io.stderr },
          values.format,
          values.out,
          values.view,
          asOf,
        );
      }
      if (command === 'views') viewsCommand(context, values.json ?? false);
      if (command === 'import') {
        // Even --dry-run merges inside a transaction it then undoes: it needs a writable file.
        if (opened.readOnly)
          throw readOnlyError(path.basename(opened.file), 'nothing can be imported into it');
        await importCommand(context, {
          file: values.file!,
          format: values.format,
          dryRun: values['dry-run'] ?? false,
          conflicts: values.conflicts,
          stderr: io.stderr,
          isTty: io.isTty,
        });
      }
      return EXIT.ok;
    } finally {
      opened.db.close();
    }
  } catch (error) {
    return reportError(error, io.stderr);
  }
}
