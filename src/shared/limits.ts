// Bounds on what the contract accepts, shared by the schemas and the services.
export const LIMITS = {
  idLength: 200,
  labelLength: 200,
  queryLength: 500,
  searchResults: 100,
  neighbourhoodDepth: 5,
  neighbourhoodConcepts: 5_000,
  positionsPerSave: 200_000,
  /** Positions are clamped to this many model units from the origin. */
  coordinate: 10_000_000,
} as const;
