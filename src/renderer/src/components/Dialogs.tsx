import { useUi } from '../app/context';
import { CommandPalette } from './CommandPalette';
import { ConfirmLayoutDialog } from './ConfirmLayoutDialog';
import { DeleteConceptDialog } from './DeleteConceptDialog';
import { ExportDialog } from './ExportDialog';
import { GraphFileDialog } from './GraphFileDialog';
import { ImportDialog } from './ImportDialog';
import { NewConceptDialog } from './NewConceptDialog';
import { NewLinkDialog } from './NewLinkDialog';

/** The one modal dialog open now, if any. */
export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'palette':
      return <CommandPalette />;
    case 'new-concept':
      return <NewConceptDialog dialog={dialog} />;
    case 'delete-concept':
      return <DeleteConceptDialog id={dialog.id} />;
    case 'new-link':
      return <NewLinkDialog source={dialog.source} target={dialog.target} />;
    case 'export':
      return <ExportDialog />;
    case 'import':
      return <ImportDialog />;
    case 'graph-file':
      return <GraphFileDialog key={dialog.purpose} purpose={dialog.purpose} />;
    case 'confirm-layout':
      return <ConfirmLayoutDialog name={dialog.name} handPlaced={dialog.handPlaced} />;
  }
}
