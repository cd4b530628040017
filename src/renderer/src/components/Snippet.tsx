import { Fragment } from 'react';
import type { SnippetPart } from '../../../shared/domain';

/** Matched words in <mark>; every part is a text node, never parsed as HTML. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}
