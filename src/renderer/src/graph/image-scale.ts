// How large an image export may be drawn. Pure, so it is tested without a canvas.

/** Browsers refuse canvases much larger than 16,000 pixels a side. */
const MAX_IMAGE_SIDE = 16_000;

/** The scale to draw at so that the image stays within the browser's canvas limit. */
export function boundedScale(
  requested: number,
  pixelRatio: number,
  size: { w: number; h: number },
): number {
  // Cytoscape multiplies the scale by the screen's pixel ratio; 1× means the size on screen.
  let scale = requested / pixelRatio;
  const side = Math.max(size.w, size.h) * scale * pixelRatio;
  if (side > MAX_IMAGE_SIDE) scale *= MAX_IMAGE_SIDE / side;
  return scale;
}
