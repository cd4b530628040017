import { stringify as toYaml } from 'yaml';
import { categoryLabels, type ExportConcept, type ExportGraph } from './export-model';
import { FileNameAllocator } from './safe-file-name';

/** Characters Obsidian cannot have in a linked file's name: they end or split a wikilink. */
const WIKILINK_FORBIDDEN = '[]#^|';

// ASCII punctuation that could turn plain text into Markdown, HTML, an Obsidian comment
// (%%), highlight (==), math ($) or a tag (#); CommonMark lets any of it be backslash-escaped.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~$&=%^{}]/g;

/** Plain text (a description, a relation) shown literally in Markdown. */
function escapeMarkdownText(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** A list item is one line: runs of whitespace, newlines included, become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text for the part of a wikilink after `|`: one line, with no bracket that could close it. */
function linkDisplay(label: string): string {
  return label.replace(/\s+/g, ' ').replace(/\[/g, '(').replace(/\]/g, ')');
}

function wikilink(fileName: string, label: string): string {
  const display = linkDisplay(label);
  return display === fileName ? `[[${fileName}]]` : `[[${fileName}|${display}]]`;
}

function append(map: Map<string, string[]>, key: string, line: string): void {
  const lines = map.get(key);
  if (lines) lines.push(line);
  else map.set(key, [line]);
}

const labelKey = (label: string) => label.normalize('NFC').trim().toLowerCase();

// [[target]], [[target#heading]], [[target|text]], as Cairn writes mentions in notes.
const NOTE_WIKILINK = /\[\[([^[\]|#^\n]+)(#[^[\]|\n]*)?(?:\|([^[\]\n]*))?\]\]/g;

/**
 * One Markdown file per concept, in a folder per category, that Obsidian opens as a vault.
 * Wikilinks name the files Cairn wrote, which are unique case-insensitively across the
 * vault, so Obsidian resolves each one whatever folder it is in.
 */
export function writeMarkdownVault(
  graph: ExportGraph,
  put: (relativePath: string, content: string) => void,
): void {
  const options = { alsoForbidden: WIKILINK_FORBIDDEN };
  const folderNames = new FileNameAllocator(options);
  const noteNames = new FileNameAllocator(options);
  const folderOf = new Map<string, string>();
  for (const category of graph.categories) {
    folderOf.set(category.id, folderNames.allocate(category.label));
  }
  const fileOf = new Map<string, string>();
  const byLabel = new Map<string, ExportConcept>();
  const byId = new Map<string, ExportConcept>();
  for (const concept of graph.concepts) {
    fileOf.set(concept.id, noteNames.allocate(concept.label));
    byId.set(concept.id, concept);
    if (!byLabel.has(labelKey(concept.label))) byLabel.set(labelKey(concept.label), concept);
    if (!folderOf.has(concept.category)) {
      folderOf.set(concept.category, folderNames.allocate(concept.category));
    }
  }
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  const sorted = [...graph.links].sort(
    (a, b) => a.relation.localeCompare(b.relation) || a.target.localeCompare(b.target),
  );
  for (const link of sorted) {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || !target) continue;
    const note = link.note ? ` (${escapeMarkdownText(oneLine(link.note))})` : '';
    const relation = escapeMarkdownText(oneLine(link.relation));
    // A mention is already in the note as its [[wikilink]]; "## Links" lists typed links,
    // which an import reads back as links whatever their relation is called.
    if (link.kind === 'typed') {
      append(
        outgoing,
        source.id,
        `- ${relation} ${wikilink(fileOf.get(target.id)!, target.label)}${note}`,
      );
    }
    append(
      incoming,
      target.id,
      `- ${wikilink(fileOf.get(source.id)!, source.label)} ${relation}${note}`,
    );
  }

  // A mention written [[Label]] in a note points at the file, whose name may differ from the label.
  const rewriteMentions = (note: string) =>
    note.replace(NOTE_WIKILINK, (whole, target: string, heading?: string, text?: string) => {
      const concept = byLabel.get(labelKey(target));
      if (!concept) return whole;
      const file = fileOf.get(concept.id)!;
      if (file === target.trim()) return whole;
      return `[[${file}${heading ?? ''}|${linkDisplay(text ?? target)}]]`;
    });

  const categories = categoryLabels(graph);
  for (const concept of graph.concepts) {
    const frontMatter = toYaml(
      {
        id: concept.id,
        category: categories.get(concept.category) ?? concept.category,
        origin: concept.origin,
        tags: concept.tags,
        aliases: [concept.label],
      },
      // YAML 1.1 rules quote `yes`, `no`, `on` and the like, which older readers take for booleans.
      { version: '1.1', lineWidth: 0 },
    );
    const sections = [`---\n${frontMatter}---\n`];
    if (concept.description) sections.push(escapeMarkdownText(concept.description) + '\n');
    if (concept.note.trim())
      sections.push(`## Note\n\n${rewriteMentions(concept.note).trimEnd()}\n`);
    const out = outgoing.get(concept.id);
    if (out) sections.push(`## Links\n\n${out.join('\n')}\n`);
    const into = incoming.get(concept.id);
    if (into) sections.push(`## Linked from\n\n${into.join('\n')}\n`);
    put(`${folderOf.get(concept.category)!}/${fileOf.get(concept.id)!}.md`, sections.join('\n'));
  }
}
