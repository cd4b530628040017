import { viewSpecSchema } from '../../../shared/contract-schemas';
import { viewNameSchema } from '../../../shared/validation';
import type { ImportedView } from './imported-graph';

/**
 * A saved view of a Cairn JSON file (`{ name, spec }`), checked as the contract checks
 * one. One that is not is left out, and the sentence returned says why and where; the
 * graph itself still imports.
 */
export function importedView(file: string, line: number, value: unknown): ImportedView | string {
  const at = `${file}, line ${line}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${at}: a saved view must be an object, so it was not kept.`;
  }
  const { name: rawName, spec: rawSpec } = value as { name?: unknown; spec?: unknown };
  const name = viewNameSchema.safeParse(rawName);
  if (!name.success) {
    const why = (name.error.issues[0]?.message ?? 'The view name must be text.').replace(/\.$/, '');
    return `${at}: a saved view has no usable name (${why}), so it was not kept.`;
  }
  const spec = viewSpecSchema.safeParse(rawSpec);
  if (!spec.success) {
    const issue = spec.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    const why = (issue?.message ?? 'invalid').replace(/\.$/, '').replace(/\s+/g, ' ');
    return `${at}: the saved view “${name.data.slice(0, 80)}” is not one this Cairn can open (${why}${where}), so it was not kept.`;
  }
  return { name: name.data, spec: spec.data, line };
}
