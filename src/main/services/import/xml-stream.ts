import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { importError } from './imported-graph';
import { streamTextFile, type TextStreamOptions } from './read-text';

export interface XmlHandlers {
  /** `depth` is 1 for the root element's children, 2 for theirs, and so on. */
  open(name: string, attributes: Record<string, string>, line: number, depth: number): void;
  close(name: string, depth: number): void;
  text(text: string): void;
}

/** The local part of a possibly prefixed name: `viz:color` → `color`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Streams an XML file through saxes, a non-validating parser. A DOCTYPE is refused
 * outright: Cairn never reads a DTD, so no entity is ever defined or expanded
 * (which rules out "billion laughs" and external-entity tricks); saxes itself
 * refuses any entity other than XML's five.
 */
export async function parseXmlFile(
  path: string,
  file: string,
  /** The root element every file of this format starts with, and the format's name for messages. */
  format: { root: string; name: string },
  handlers: XmlHandlers,
  options: TextStreamOptions = {},
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let sawRoot = false;
  // Every refusal is thrown from inside the parser's event, which stops it there: saxes
  // goes on after an error, and a fuzzed file of two million bad characters made as many
  // errors (17 s) before the chunk ended.
  parser.on('doctype', () => {
    throw importError(
      file,
      parser.line,
      'the file contains a DTD (<!DOCTYPE …>), which Cairn never reads; remove it and try again',
    );
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (depth++ === 0) {
      if (localName(tag.name) !== format.root) {
        throw importError(
          file,
          parser.line,
          `this is not ${format.name} (the document starts with <${tag.name}>)`,
        );
      }
      sawRoot = true;
      return;
    }
    handlers.open(tag.name, tag.attributes as Record<string, string>, parser.line, depth - 1);
  });
  parser.on('closetag', (tag) => {
    if (--depth > 0) handlers.close(tag.name, depth);
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.on('error', (error) => {
    throw importError(
      file,
      parser.line,
      `the XML is malformed (${error.message.replace(/^\d+:\d+: /, '')})`,
    );
  });
  await streamTextFile(path, file, (text) => void parser.write(text), options);
  parser.close();
  if (!sawRoot) throw importError(file, 1, 'the file is empty');
}
