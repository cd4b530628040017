// Which attribute of another tool's file fills which field of a concept or link, by the
// attribute's name (compared case-insensitively). Earlier names in a list win when a file
// has several: networkx and Cairn write `label`, igraph and Cytoscape desktop `name`.
// Anything that fills no field is kept as an attribute of its own.

const NODE_FIELDS: Record<string, readonly string[]> = {
  label: ['label', 'name', 'title', 'shared name'],
  category: ['category', 'type', 'group', 'class', 'kind'],
  description: ['description', 'desc', 'tooltip', 'comment'],
  note: ['note'],
  tags: ['tags'],
  x: ['x'],
  y: ['y'],
};

const EDGE_FIELDS: Record<string, readonly string[]> = {
  relation: ['label', 'relation', 'relationship', 'interaction', 'type', 'edge label', 'name'],
  note: ['note'],
};

/**
 * Cairn's own markers, taken as fields only with Cairn's own values: `kind` "mention"
 * marks a link written as a [[wikilink]] in a note; `origin` is where Cairn had a row
 * from (an import becomes "import" again). With any other value they are attributes.
 */
const MARKERS: Record<'node' | 'edge', Record<string, readonly string[]>> = {
  node: { origin: ['seed', 'user', 'import'] },
  edge: { kind: ['typed', 'mention'], origin: ['seed', 'user', 'import'] },
};

export interface FieldRole {
  field: string;
  /** Lower wins. */
  priority: number;
}

/** Given a value, the field it fills, or null when it is an attribute. */
export type Role = (value: string) => FieldRole | null;

export function fieldRoles(kind: 'node' | 'edge', attributeName: string): Role | null {
  const name = attributeName.trim().toLowerCase();
  const fields = kind === 'node' ? NODE_FIELDS : EDGE_FIELDS;
  for (const field of Object.keys(fields)) {
    const priority = fields[field]!.indexOf(name);
    if (priority >= 0) {
      const role = { field, priority };
      return () => role;
    }
  }
  const allowed = Object.hasOwn(MARKERS[kind], name) ? MARKERS[kind][name]! : null;
  if (allowed) {
    const role = { field: name, priority: 0 };
    return (value) => (allowed.includes(value.trim()) ? role : null);
  }
  return null;
}
