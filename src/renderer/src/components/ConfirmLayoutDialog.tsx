import { LAYOUTS, type LayoutName } from '../../../shared/layouts';
import { useServices } from '../app/context';
import { Modal } from './Modal';

/** A layout would move concepts the user placed by hand: move them, keep them, or not. */
export function ConfirmLayoutDialog({
  name,
  handPlaced,
}: {
  name: LayoutName;
  handPlaced: number;
}) {
  const { session } = useServices();
  const close = () => session.store.setState({ dialog: null });
  const these = handPlaced === 1 ? 'a concept you placed' : `${handPlaced} concepts you placed`;
  return (
    <Modal label="Lay out the map" onClose={close}>
      <div className="dialog-form">
        <h2 className="dialog-title">Move {these} by hand?</h2>
        <p className="dialog-lead">
          The {LAYOUTS[name].label.toLowerCase()} layout arranges the whole map. It can keep{' '}
          {handPlaced === 1 ? 'that concept' : 'those concepts'} where you put them and arrange the
          rest around them. Either way, undo puts every concept back.
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button" onClick={() => void session.layout.run('move')}>
            Move them too
          </button>
          <button
            type="button"
            className="button primary"
            data-autofocus
            onClick={() => void session.layout.run('keep')}
          >
            Keep them in place
          </button>
        </div>
      </div>
    </Modal>
  );
}
