import { useState, type MouseEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { externalAddress } from '../markdown/safe-url';
import { Modal } from './Modal';

/**
 * An http(s) link of a note. Notes are untrusted, so the address is shown and
 * confirmed before it leaves the app (Electron's checklist, item 15); the desktop
 * app's main process checks it again (isSafeExternalUrl) before the system browser
 * gets it. A middle or modified click asks too.
 */
export function ExternalLink({
  href,
  title,
  children,
}: {
  href: string;
  title: string | undefined;
  children: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const shown = externalAddress(href);
  const ask = (event: MouseEvent) => {
    event.preventDefault();
    setAsking(true);
  };
  return (
    <>
      <a
        href={href}
        title={title ?? href}
        target="_blank"
        rel="noopener noreferrer"
        onClick={ask}
        onAuxClick={ask}
      >
        {children}
      </a>
      {asking &&
        shown &&
        createPortal(
          <Modal label="Open link" onClose={() => setAsking(false)} closeOnBackdrop>
            <div className="dialog-form">
              <h2 className="dialog-title">Open this address in your browser?</h2>
              <p className="dialog-lead">
                It leads to <strong className="external-host">{shown.host}</strong>, outside Cairn.
              </p>
              <p className="external-address">{shown.address}</p>
              <div className="dialog-actions">
                <button
                  type="button"
                  className="button"
                  data-autofocus
                  onClick={() => setAsking(false)}
                >
                  Cancel
                </button>
                <button
                  type="button"
                  className="button primary"
                  onClick={() => {
                    setAsking(false);
                    window.open(shown.address, '_blank', 'noopener,noreferrer');
                  }}
                >
                  Open in browser
                </button>
              </div>
            </div>
          </Modal>,
          document.body,
        )}
    </>
  );
}
