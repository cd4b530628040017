// Escaping for text and attribute values in the XML formats (GraphML, GEXF).

// Characters XML 1.0 forbids even when escaped: most C0 controls, lone surrogates,
// U+FFFE and U+FFFF. They are replaced rather than dropped, so the change is visible.
const FORBIDDEN_IN_XML = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])', // a high surrogate without its pair
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]', // a low surrogate without its pair
  ].join('|'),
  'g',
);

export function escapeXml(value: string): string {
  return value
    .replace(FORBIDDEN_IN_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/**
 * For attribute values (GEXF keeps every value in one): XML parsers turn a literal
 * newline or tab inside an attribute into a space, so those are written as references.
 */
export function escapeXmlAttribute(value: string): string {
  return escapeXml(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
