// What a label, relation, description, note or tag may be. Shared by the contract
// schemas (main) and the forms (renderer), so a form can say the same sentence
// the boundary would. Every message is a full sentence for the user.
import { z } from 'zod';
import { findControlCharacter } from './control-characters';
import { VIEW_NAME_LENGTH } from './saved-views';

export const TEXT_LIMITS = {
  label: 200,
  relation: 60,
  description: 5_000,
  note: 1_000_000,
  tag: 50,
  tags: 50,
} as const;

function describeCharacter(text: string): string | null {
  const found = findControlCharacter(text);
  if (!found) return null;
  return `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')} at position ${found.index + 1}`;
}

/** A one-line name: trimmed, NFC-normalised, non-empty, bounded, without control characters. */
function nameSchema(what: string, max: number) {
  return z
    .string({ message: `The ${what} must be text.` })
    .transform((value) => value.normalize('NFC').trim())
    .superRefine((value, context) => {
      if (value.length === 0) {
        context.addIssue({ code: 'custom', message: `The ${what} cannot be empty.` });
      } else if (value.length > max) {
        context.addIssue({
          code: 'custom',
          message: `The ${what} is ${value.length.toLocaleString('en')} characters long; at most ${max} are allowed.`,
        });
      } else {
        const found = describeCharacter(value);
        if (found) {
          context.addIssue({
            code: 'custom',
            message: `The ${what} cannot contain control characters (found ${found}).`,
          });
        }
      }
    });
}

export const labelSchema = nameSchema('label', TEXT_LIMITS.label);
export const relationSchema = nameSchema('relation', TEXT_LIMITS.relation);
export const categoryNameSchema = nameSchema('category', 80);
export const viewNameSchema = nameSchema('view name', VIEW_NAME_LENGTH);

export const descriptionSchema = z
  .string({ message: 'The description must be text.' })
  .transform((value) => value.normalize('NFC').trim())
  .refine((value) => value.length <= TEXT_LIMITS.description, {
    message: `The description can be at most ${TEXT_LIMITS.description.toLocaleString('en')} characters long.`,
  });

export const noteSchema = z
  .string({ message: 'The note must be text.' })
  .refine((value) => value.length <= TEXT_LIMITS.note, {
    message: `The note can be at most ${TEXT_LIMITS.note.toLocaleString('en')} characters long.`,
  });

/**
 * A value inside a message, on one line: quoted, its line breaks written as \n, cut at
 * 60 characters. JSON leaves U+2028 and U+2029 as they are, and both break a line.
 */
function quoted(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(cut)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Letters, digits, `_`, `-` and `/` (for nested tags, as Obsidian writes them). */
const TAG_PATTERN = /^[\p{L}\p{N}_/-]+$/u;

export const tagSchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim().replace(/^#/, '').toLocaleLowerCase('en'))
  .superRefine((value, context) => {
    if (value.length === 0 || value.length > TEXT_LIMITS.tag || !TAG_PATTERN.test(value)) {
      context.addIssue({
        code: 'custom',
        message: `${quoted(value)} is not a tag: use up to ${TEXT_LIMITS.tag} letters, digits, -, _ or /.`,
      });
    }
  });

export const tagsSchema = z
  .array(tagSchema)
  .max(TEXT_LIMITS.tags, { message: `A concept can have at most ${TEXT_LIMITS.tags} tags.` });

/** The relation Cairn keeps for links written as [[wikilinks]] in notes. */
export const MENTIONS_RELATION = 'mentions';
