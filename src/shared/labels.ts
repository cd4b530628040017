// How two labels are compared: case-insensitively over all of Unicode, the same in
// main (duplicates, [[wikilinks]]) and in the renderer (the note preview). SQLite's
// NOCASE folds ASCII only, so "Über" and "über" would otherwise be two concepts.

/** The form of a label that equal labels share. */
export function foldLabel(label: string): string {
  return label.normalize('NFC').toLocaleLowerCase('en');
}
