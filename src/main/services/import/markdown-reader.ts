import fs from 'node:fs';
import path from 'node:path';
import { parseDocument as parseYamlDocument } from 'yaml';
import { parseWikilinks } from '../../../shared/note-references';
import {
  importedAttribute,
  importedConcept,
  importedLink,
  importError,
  type AttributeType,
  type ImportedAttribute,
  type ImportedConcept,
  type ImportedGraph,
  type ImportedLink,
} from './imported-graph';
import { readTextFile } from './read-text';

// An Obsidian-style vault: one note per .md file, named by its file name. Folders
// become categories; YAML front matter may give id, category, tags and aliases;
// [[wikilinks]] in the text become mention links. Vaults Cairn wrote (front matter
// with an `id`) also give back the description, the note and the typed links of
// their "## Links" section, so an export comes back as it went out.

const MAX_FILES = 200_000;

function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // .obsidian, .trash, .git
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(full);
      if (found.length > MAX_FILES)
        throw importError(
          path.basename(root),
          null,
          `the folder holds more than ${MAX_FILES.toLocaleString('en')} Markdown files`,
        );
    }
  };
  walk(root);
  return found.sort();
}

/** Undoes the backslash escapes Cairn's exporter puts before Markdown punctuation. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>#|~$&=%^{}])/g, '$1');
}

interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

/**
 * Front matter longer than this is refused: yaml spends about 0.1 ms on each error it
 * finds, and a page of broken flow collections holds hundreds of thousands of them.
 */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;

function splitFrontMatter(text: string, shown: string): FrontMatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1 };
  const yaml = match[1]!;
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    throw importError(
      shown,
      2,
      `the front matter is ${yaml.length.toLocaleString('en-US')} characters long; Cairn reads at most ${MAX_FRONT_MATTER_CHARS.toLocaleString('en-US')}`,
    );
  }
  // Plain YAML only: no custom tags, and yaml's own cap on alias expansion. Errors are
  // not "pretty": yaml would rescan the text for each one's context, which is quadratic
  // (20,000 broken items took 32 s, and a fuzzed note exhausted the heap).
  const document = parseYamlDocument(yaml, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const error = document.errors[0];
  if (error) {
    const line = yaml.slice(0, error.pos[0]).split('\n').length;
    throw importError(
      shown,
      line + 1,
      `the front matter is not valid YAML (${error.message.split('\n')[0]})`,
    );
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw importError(
      shown,
      2,
      `the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`,
    );
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw importError(shown, 2, 'the front matter must be a set of "key: value" lines');
  }
  const safe: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    if (key !== '__proto__' && key !== 'constructor' && key !== 'prototype') safe[key] = value;
  }
  return { data: safe, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).filter((v): v is string => v !== null);
  const text = asText(value);
  return text ? text.split(/[\s,]+/) : [];
}

/** The text under each `## Heading` with the body line of the heading, and what comes before the first one. */
function sections(body: string): {
  lead: string;
  byHeading: Map<string, { text: string; line: number }>;
} {
  const byHeading = new Map<string, { text: string; line: number }>();
  const parts = body.split(/^## (.+)$/m);
  const newlines = (text: string) => text.match(/\n/g)?.length ?? 0;
  // `line` is the body line of each heading; its text starts on that same line.
  let line = 1 + newlines(parts[0]!);
  for (let i = 1; i < parts.length; i += 2) {
    const text = parts[i + 1] ?? '';
    byHeading.set(parts[i]!.trim(), { text, line });
    line += newlines(text);
  }
  return { lead: parts[0]!, byHeading };
}

/** Front matter Cairn has no field for (a `status`, a `date`), kept as attributes. */
function frontMatterAttributes(
  shown: string,
  data: Record<string, unknown>,
  used: ReadonlySet<string>,
): ImportedAttribute[] {
  const attributes: ImportedAttribute[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (used.has(name) || value === null || value === undefined) continue;
    const type: AttributeType =
      typeof value === 'boolean'
        ? 'boolean'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'long'
            : 'double'
          : 'string';
    const text =
      typeof value === 'string'
        ? value
        : value instanceof Date
          ? value.toISOString()
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
    if (text !== '') attributes.push(importedAttribute(shown, 2, name, type, text));
  }
  return attributes;
}

export function readMarkdownVault(root: string): ImportedGraph {
  const vault = path.basename(root);
  const files = markdownFiles(root);
  if (files.length === 0)
    throw importError(vault, null, 'the folder holds no Markdown (.md) files');
  const concepts: ImportedConcept[] = [];
  const links: ImportedLink[] = [];
  const warnings: string[] = [];
  const keyOfFile = new Map<string, string>();
  const labelOfFile = new Map<string, string>();
  const pendingLinks: {
    from: string;
    file: string;
    line: number;
    relation: string;
    target: string;
    note: string | null;
  }[] = [];

  for (const full of files) {
    const relative = path.relative(root, full);
    const shown = `${vault}/${relative.split(path.sep).join('/')}`;
    const fileName = path.basename(full).slice(0, -'.md'.length);
    const { data, body, bodyLine } = splitFrontMatter(readTextFile(full, shown), shown);
    const writtenByCairn = asText(data.id) !== null;
    const folder = path.dirname(relative);
    const key = asText(data.id) ?? fileName;
    const aliases = asList(data.aliases);
    const label = asText(data.title) ?? (writtenByCairn && aliases[0] ? aliases[0] : fileName);

    let description = '';
    let note = body;
    if (writtenByCairn) {
      const { lead, byHeading } = sections(body);
      description = unescapeMarkdown(lead.trim());
      note = byHeading.get('Note')?.text.trim() ?? '';
      const linkSection = byHeading.get('Links');
      if (linkSection) {
        linkSection.text.split('\n').forEach((text, index) => {
          const item = /^- (.*?)\s*\[\[([^[\]|#^\n]+)(?:\|[^[\]\n]*)?\]\](?:\s+\((.*)\))?\s*$/.exec(
            text,
          );
          if (!item) return;
          pendingLinks.push({
            from: key,
            file: shown,
            line: bodyLine - 1 + linkSection.line + index,
            relation: unescapeMarkdown(item[1]!),
            target: item[2]!.trim(),
            note: item[3] ? unescapeMarkdown(item[3]) : null,
          });
        });
      }
    }
    keyOfFile.set(fileName.toLowerCase(), key);
    labelOfFile.set(fileName.toLowerCase(), label);
    const used = new Set(['id', 'title', 'category', 'tags']);
    if (writtenByCairn) used.add('aliases');
    if (['seed', 'user', 'import'].includes(asText(data.origin) ?? '')) used.add('origin');
    concepts.push(
      importedConcept(shown, 1, {
        key,
        label,
        category:
          asText(data.category) ?? (folder === '.' ? 'Notes' : folder.split(path.sep).join(' / ')),
        description,
        note,
        tags: asList(data.tags),
        attributes: frontMatterAttributes(shown, data, used),
      }),
    );
  }

  // Wikilinks name files; Cairn's notes name concepts by label. Where the two differ
  // (a label with characters no file name may hold), point the link at the label.
  for (const concept of concepts) {
    let offset = 0;
    let rewritten = '';
    for (const link of parseWikilinks(concept.note)) {
      const label = labelOfFile.get(link.target.toLowerCase());
      if (!label || label.toLowerCase() === link.target.toLowerCase()) continue;
      rewritten += `${concept.note.slice(offset, link.start)}[[${label}|${link.text}]]`;
      offset = link.end;
    }
    if (offset > 0) concept.note = rewritten + concept.note.slice(offset);
  }

  for (const pending of pendingLinks) {
    const target = keyOfFile.get(pending.target.toLowerCase());
    if (!target) {
      warnings.push(
        `${pending.file}, line ${pending.line}: the link to [[${pending.target}]] was skipped: there is no such note.`,
      );
      continue;
    }
    links.push(
      importedLink(pending.file, pending.line, {
        source: pending.from,
        target,
        relation: pending.relation,
        note: pending.note,
      }),
    );
  }
  return { format: 'markdown', categories: [], concepts, links, warnings };
}
