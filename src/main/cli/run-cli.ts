import { parseArgs } from 'node:util';
import { openGraph } from '../open-graph';
import { defaultDatabasePath } from '../paths';
import { exportCommand, exportFormatsHelp, searchCommand, statsCommand } from './commands';
import { importCommand } from './import-command';
import { EXIT, reportError, UsageError } from './output';
import { parsePort, serveCommand } from './serve';

const HELP = `Cairn: an offline knowledge-graph explorer

Usage: cairn <command> [options]

Commands:
  serve [--port N] [--no-open]   open the app in your browser (browser mode, on 127.0.0.1 only)
  stats                          counts of concepts and links, by category and relation
  search TEXT [--limit N]        ranked full-text search over labels, descriptions and notes
  export --format F --out PATH   write the graph in format F (below) to a file or folder
  import --file PATH [--format F] [--dry-run] [--conflicts keep-mine|take-theirs]
                                 merge a graph file or folder into this one (formats below);
                                 --dry-run shows what would change and writes nothing;
                                 --conflicts: where a concept already in the graph holds a
                                 different description, category, note or attribute value

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
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const COMMANDS = ['serve', 'stats', 'search', 'export', 'import'] as const;
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

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 20;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new UsageError(`--limit must be a whole number from 1 to 100, not "${raw}"`);
  }
  return limit;
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
    const limit = parseLimit(values.limit);
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
    const opened = openGraph(databasePath, { empty: values.empty });
    try {
      const context = { db: opened.db, databasePath: opened.file, stdout: io.stdout };
      if (opened.created)
        io.stderr(
          `Created ${opened.file}${values.empty ? ' (empty)' : ' with the default graph'}.`,
        );
      if (command === 'stats') statsCommand(context);
      if (command === 'search') searchCommand(context, rest.join(' '), limit, io.isTty);
      if (command === 'export') exportCommand(context, values.format, values.out);
      if (command === 'import') {
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
