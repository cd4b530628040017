import type { Migration } from './migration';

// Categories told apart beyond their colours, and their colours as shipped:
// - categories.shape: the node shape drawn for a category's concepts (the list in
//   src/shared/palette.ts as it was when this migration was written);
// - seed_categories: the default graph's categories as shipped, as seed_concepts keeps
//   its concepts, so a newer default graph can recolour a category whose colour the
//   user never changed and leave alone one they set (src/main/seed/merge-default-graph.ts).
//   Until now no one could set a category's colour, so the colours there are the shipped ones.
export const categoryShapeSchema: Migration = {
  version: 7,
  name: 'category-shape',
  up(db) {
    db.exec(`
      ALTER TABLE categories ADD COLUMN shape TEXT NOT NULL DEFAULT 'ellipse'
        CHECK (shape IN ('ellipse', 'round-rectangle', 'diamond', 'triangle', 'hexagon', 'star', 'vee', 'rhomboid'));

      CREATE TABLE seed_categories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        color TEXT NOT NULL
      ) STRICT;
      INSERT INTO seed_categories (id, label, color)
      SELECT id, label, color FROM categories WHERE id IN (SELECT category FROM seed_concepts);
    `);
  },
};
