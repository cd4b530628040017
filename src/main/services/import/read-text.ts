import fs from 'node:fs';
import { importError } from './imported-graph';

export interface TextStreamOptions {
  /** Called with the bytes read so far and the file size, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Awaited before each chunk is read: lets a slower consumer hold the reader back. */
  pace?: () => Promise<void>;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Byte offset of the first byte that starts a malformed UTF-8 sequence, or -1.
 * Only used to say where a file stops being UTF-8; TextDecoder does the checking.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let continuation: number;
    if (lead < 0x80) continuation = 0;
    else if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) continuation = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) continuation = 3;
    else return i;
    if (i + continuation >= bytes.length) return i;
    for (let k = 1; k <= continuation; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += continuation + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/**
 * The encoding of a text file: a byte order mark wins; an XML declaration may name
 * one; otherwise UTF-8. Returns the WHATWG label and how many BOM bytes to skip.
 */
function sniffEncoding(head: Uint8Array): { encoding: string; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const prolog = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    Buffer.from(head).toString('latin1'),
  );
  return { encoding: prolog ? prolog[1]!.toLowerCase() : 'utf-8', skip: 0 };
}

function decoderFor(file: string, encoding: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw importError(
      file,
      1,
      `the file declares the encoding "${encoding}", which Cairn cannot read; save it as UTF-8`,
    );
  }
}

/** Reads a text file whole, refusing bytes that are not valid in its encoding. */
export function readTextFile(path: string, file: string): string {
  const bytes = fs.readFileSync(path);
  const { encoding, skip } = sniffEncoding(bytes.subarray(0, 200));
  try {
    return decoderFor(file, encoding).decode(bytes.subarray(skip));
  } catch (error) {
    throw encodingError(file, encoding, bytes, error);
  }
}

function encodingError(file: string, encoding: string, bytes: Uint8Array, error: unknown): Error {
  if (!(error instanceof TypeError)) return error as Error;
  const at = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : -1;
  return importError(
    file,
    at >= 0 ? lineOfByte(bytes, at) : null,
    encoding === 'utf-8'
      ? 'the file is not UTF-8 text (an invalid byte sequence); save it as UTF-8'
      : `the file is not valid ${encoding} text`,
  );
}

/**
 * Streams a text file in chunks of decoded text, so a large file is parsed as it
 * is read rather than held twice in memory.
 */
export async function streamTextFile(
  path: string,
  file: string,
  onText: (text: string) => void,
  options: TextStreamOptions = {},
): Promise<void> {
  const total = fs.statSync(path).size;
  const handle = await fs.promises.open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(200, total));
    await handle.read(head, 0, head.length, 0);
    const { encoding, skip } = sniffEncoding(head);
    const decoder = decoderFor(file, encoding);
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let position = skip;
    for (;;) {
      if (options.signal?.aborted)
        throw new DOMException('The import was cancelled.', 'AbortError');
      await options.pace?.();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      let text: string;
      try {
        text = decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      } catch (error) {
        throw encodingError(file, encoding, fs.readFileSync(path), error);
      }
      onText(text);
      options.onProgress?.(position, total);
    }
    try {
      onText(decoder.decode());
    } catch (error) {
      throw encodingError(file, encoding, fs.readFileSync(path), error);
    }
  } finally {
    await handle.close();
  }
}
