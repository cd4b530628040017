import { describeView } from '../../shared/saved-views';
import { listViews } from '../services/views/saved-views';
import type { CommandContext } from './commands';
import { table } from './output';

/** `cairn views`: the graph's saved views, by name, each with what it shows. */
export function viewsCommand({ db, stdout }: CommandContext, json: boolean): void {
  const views = listViews(db);
  if (json) {
    stdout(JSON.stringify({ views }, null, 2));
    return;
  }
  if (views.length === 0) {
    stdout('This graph has no saved views. Save one in the app: Views, then Save view.');
    return;
  }
  stdout(
    table(
      views.map((view) => [
        view.name.replace(/\s+/g, ' '),
        describeView(view),
        `updated ${view.updatedAt.slice(0, 16).replace('T', ' ')}`,
      ]),
    ),
  );
}
