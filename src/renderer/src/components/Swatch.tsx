/** A category colour dot. The colour comes from data, so it is set through the CSSOM. */
export function Swatch({ color }: { color: string | undefined }) {
  return (
    <span className="swatch" aria-hidden="true" style={{ backgroundColor: color ?? '#8b8f98' }} />
  );
}
