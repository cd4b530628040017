import { describe, expect, it } from 'vitest';
import { noteReferences, parseNoteTags, parseWikilinks, wikilinkTargets } from './note-references';

const targets = (body: string) => parseWikilinks(body).map((l) => l.target);

describe('wikilinks', () => {
  it('reads targets and shown text, trimmed, in order', () => {
    expect(parseWikilinks('See [[Pod]] and [[ API server |the server]].')).toEqual([
      { target: 'Pod', text: 'Pod', start: 4, end: 11 },
      { target: 'API server', text: 'the server', start: 16, end: 43 },
    ]);
  });

  it('keeps every kind of code literal, as the preview shows it', () => {
    const body = [
      'Real [[A]].',
      'Inline `[[B]]` and multi-backtick `` x [[C]] ` y `` spans.',
      '',
      '```',
      '[[D]]',
      '```',
      '',
      '~~~~',
      '[[E]]',
      '~~~~',
      '',
      '    [[F]] indented code',
      '',
      '- in a list [[G]]',
      '> quoted [[H]]',
    ].join('\n');
    expect(targets(body)).toEqual(['A', 'G', 'H']);
  });

  it('places a cell’s link after the code of the cell before, never inside it', () => {
    const body = '| a | b |\n|---|---|\n| `[[Pod]]` | [[Pod]] |';
    expect(parseWikilinks(body).map((l) => l.start)).toEqual([body.lastIndexOf('[[Pod]]')]);
  });

  it('is a link after an unclosed backtick, which CommonMark reads as a backtick', () => {
    expect(targets('a ` b [[Pod]]')).toEqual(['Pod']);
  });

  it('places every link at its offset in the note, through quotes, lists, tables and CRLF', () => {
    const body =
      '> > deep [[One]]\r\n  - item `[[no]]` [[Two]]\r\n\r\n| a | b |\r\n|---|---|\r\n| x | [[Three\\|3]] |\r\n';
    for (const link of parseWikilinks(body)) {
      expect(body.slice(link.start, link.end)).toMatch(/^\[\[.*\]\]$/);
      expect(body.slice(link.start, link.end)).toContain(link.target);
    }
    expect(targets(body)).toEqual(['One', 'Two', 'Three']);
  });

  it('places links in the cells of one table row one after the other', () => {
    const body = '| a | b |\n|---|---|\n| [[A]] | [[A]] |';
    expect(parseWikilinks(body).map((l) => l.start)).toEqual([22, 30]);
  });

  it('finds a link written a second time after the same text in code', () => {
    const body = '`[[Pod]]` then [[Pod]]';
    const [link] = parseWikilinks(body);
    expect(link).toMatchObject({ target: 'Pod', start: 15, end: 22 });
  });

  it('dedupes targets case-insensitively over all of Unicode, first spelling kept', () => {
    expect(wikilinkTargets('[[Über]] [[über]] [[ÜBER]] [[Pod]] [[POD]]')).toEqual(['Über', 'Pod']);
  });

  it('does not read brackets that hold no target, or span lines, as links', () => {
    expect(targets('[[]] [[ ]] [[a\nb]] [x] [[y] ]')).toEqual([]);
  });
});

describe('tags', () => {
  it('reads #tags after a space or at a line start, lower-cased, once each', () => {
    expect(parseNoteTags('#K8s and #cncf/graduated, again #k8s')).toEqual([
      'k8s',
      'cncf/graduated',
    ]);
  });

  it('does not take a heading, an anchor, a word with # or code for a tag', () => {
    expect(
      parseNoteTags('# Heading\n\n[top](#top) C# a#b `#code`\n\n    #indented\n#real'),
    ).toEqual(['real']);
  });
});

describe('one parse', () => {
  it('gives wikilinks and tags together', () => {
    expect(noteReferences('#t [[Pod]]')).toEqual({
      wikilinks: [{ target: 'Pod', text: 'Pod', start: 3, end: 10 }],
      tags: ['t'],
    });
  });

  it('reads a million characters of pathological Markdown without stalling', () => {
    const body = '`a` #t [[Pod]] '.repeat(70_000);
    const references = noteReferences(body);
    expect(references.tags).toEqual(['t']);
    expect(references.wikilinks).toHaveLength(70_000);
    expect(references.wikilinks.at(-1)!.end).toBe(body.length - 1);
  });
});
