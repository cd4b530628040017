import { describe, expect, it } from 'vitest';
import { freshGraph } from './helpers';

// A graph file may come from someone else, its `changes` table included: the row images
// an undo applies are checked against the schema before any of it becomes SQL.
describe('undoing from a history the file holds', () => {
  async function withTamperedUndo(tamper: (image: Record<string, unknown>) => void) {
    const { api, db } = freshGraph();
    await api.setCategoryStyle({ id: 'security', color: '#a1b2c3' });
    const last = db.prepare('SELECT id, backward FROM changes ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      backward: string;
    };
    const images = JSON.parse(last.backward) as Record<string, unknown>[];
    tamper(images[0]!);
    db.prepare('UPDATE changes SET backward = ? WHERE id = ?').run(JSON.stringify(images), last.id);
    const before = db.prepare('SELECT * FROM categories ORDER BY id').all();
    return { api, db, before };
  }

  it('refuses an image naming a column its table lacks, and changes nothing', async () => {
    const { api, db, before } = await withTamperedUndo((image) => {
      image.row = { ...(image.row as object), "color) VALUES ('x'); DROP TABLE concepts; --": 1 };
    });
    await expect(api.undo({})).rejects.toThrow(
      /^The history of this graph is damaged \(a change names the column "color\) VALUES/,
    );
    expect(db.prepare('SELECT * FROM categories ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM concepts').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM changes WHERE undone = 1').pluck().get()).toBe(0);
  });

  it('refuses an image naming a table Cairn does not track, Object.prototype names included', async () => {
    for (const table of ['sqlite_master', 'constructor', '__proto__']) {
      const { api, db, before } = await withTamperedUndo((image) => {
        image.table = table;
      });
      await expect(api.undo({}), table).rejects.toThrow(/a change names the table/);
      expect(db.prepare('SELECT * FROM categories ORDER BY id').all()).toEqual(before);
    }
  });

  it('still undoes an untouched change', async () => {
    const { api, db, before } = await withTamperedUndo(() => {});
    await api.undo({});
    expect(db.prepare('SELECT * FROM categories ORDER BY id').all()).not.toEqual(before);
    expect(db.prepare("SELECT color FROM categories WHERE id = 'security'").pluck().get()).not.toBe(
      '#a1b2c3',
    );
  });
});
