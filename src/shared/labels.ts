// How two labels are compared: case-insensitively over all of Unicode, the same in
// main (duplicates, [[wikilinks]]) and in the renderer (the note preview). SQLite's
// NOCASE folds ASCII only, so "Über" and "über" would otherwise be two concepts.

// eslint-disable-next-line no-control-regex -- ASCII, control characters included
const ASCII = /^[\u0000-\u007f]*$/;

/** The form of a label that equal labels share. */
export function foldLabel(label: string): string {
  // ASCII is already NFC, and lower-cases the same in every locale: skip ICU's work,
  // which is most of an import's time spent comparing 100,000 labels.
  if (ASCII.test(label)) return label.toLowerCase();
  return label.normalize('NFC').toLocaleLowerCase('en');
}
