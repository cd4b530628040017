// Small stroke icons (24x24 grid, drawn with currentColor), decorative only.
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const BackIcon = () => (
  <Icon>
    <path d="M15 18l-6-6 6-6" />
  </Icon>
);

export const ForwardIcon = () => (
  <Icon>
    <path d="M9 18l6-6-6-6" />
  </Icon>
);

export const ZoomInIcon = () => (
  <Icon>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4 4M11 8.5v5M8.5 11h5" />
  </Icon>
);

export const ZoomOutIcon = () => (
  <Icon>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4 4M8.5 11h5" />
  </Icon>
);

export const FitIcon = () => (
  <Icon>
    <path d="M4 9V5a1 1 0 0 1 1-1h4M15 4h4a1 1 0 0 1 1 1v4M20 15v4a1 1 0 0 1-1 1h-4M9 20H5a1 1 0 0 1-1-1v-4" />
    <circle cx="12" cy="12" r="2.5" />
  </Icon>
);

export const RelayoutIcon = () => (
  <Icon>
    <circle cx="6" cy="7" r="2.2" />
    <circle cx="18" cy="6" r="2.2" />
    <circle cx="12" cy="17.5" r="2.2" />
    <path d="M8.1 7.7l7.7-1.2M7.1 8.9l3.8 6.6M16.9 7.9l-3.8 7.6" />
  </Icon>
);

export const SearchIcon = () => (
  <Icon>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4 4" />
  </Icon>
);

/** Three stacked stones: the app mark. */
export const CairnMark = () => (
  <svg className="mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
    <ellipse cx="12" cy="19" rx="8" ry="3.2" className="mark-stone mark-stone-1" />
    <ellipse cx="12" cy="12.6" rx="5.8" ry="2.8" className="mark-stone mark-stone-2" />
    <ellipse cx="12" cy="7" rx="3.6" ry="2.3" className="mark-stone mark-stone-3" />
  </svg>
);
