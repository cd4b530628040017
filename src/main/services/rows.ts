// Row shapes returned by the SQL in the services, and their mapping to domain types.
import type { ConceptSummary, Link, Origin } from '../../shared/domain';

export interface ConceptSummaryRow {
  id: string;
  label: string;
  category: string;
  origin: Origin;
}

/** A link as the SQL in LINK_COLUMNS selects it: exactly the domain's Link. */
export type LinkRow = Link;

export function toSummary(row: ConceptSummaryRow): ConceptSummary {
  return { id: row.id, label: row.label, category: row.category, origin: row.origin };
}

export function toLink(row: LinkRow): Link {
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    relation: row.relation,
    origin: row.origin,
    kind: row.kind,
    note: row.note,
  };
}

/** Selects a link with its ends as text ids; alias the links table `l`. */
export const LINK_COLUMNS = `l.id, s.id AS source, t.id AS target, l.relation, l.origin, l.kind, l.note`;
export const LINK_JOINS = `JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target`;
