import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { importError } from './imported-graph';
import { streamTextFile, type TextStreamOptions } from './read-text';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, line: number): void;
  close(name: string): void;
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
  handlers: XmlHandlers,
  options: TextStreamOptions = {},
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };
  parser.on('doctype', () =>
    fail(
      importError(
        file,
        parser.line,
        'the file contains a DTD (<!DOCTYPE …>), which Cairn never reads; remove it and try again',
      ),
    ),
  );
  parser.on('opentag', (tag: SaxesTagPlain) => {
    try {
      handlers.open(tag.name, tag.attributes as Record<string, string>, parser.line);
    } catch (error) {
      fail(error as Error);
    }
  });
  parser.on('closetag', (tag) => {
    try {
      handlers.close(tag.name);
    } catch (error) {
      fail(error as Error);
    }
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.on('error', (error) =>
    fail(
      importError(
        file,
        parser.line,
        `the XML is malformed (${error.message.replace(/^\d+:\d+: /, '')})`,
      ),
    ),
  );
  await streamTextFile(
    path,
    file,
    (text) => {
      if (failure) throw failure;
      parser.write(text);
      if (failure) throw failure;
    },
    options,
  );
  parser.close();
  if (failure) throw failure;
}
