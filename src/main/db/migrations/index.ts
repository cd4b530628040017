import type { Migration } from './migration';
import { initialSchema } from './0001-initial';
import { positionsSchema } from './0002-positions';
import { mentionsSeedCopyChangeLogSchema } from './0003-mentions-seed-copy-change-log';
import { seedFingerprintSchema } from './0004-seed-fingerprint';
import { viewIndexPinsAndTypoSearchSchema } from './0005-view-index-pins-and-typo-search';
import { importBatchesAttributesSchema } from './0006-import-batches-attributes';
import { categoryShapeSchema } from './0007-category-shape';
import { structureMeasuresSchema } from './0008-structure-measures';
import { savedViewsSchema } from './0009-saved-views';
import { dismissedSuggestionsSchema } from './0010-dismissed-suggestions';
import { historyGapsSchema } from './0011-history-gaps';

/** Every migration in order; `version` must equal its position + 1. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  positionsSchema,
  mentionsSeedCopyChangeLogSchema,
  seedFingerprintSchema,
  viewIndexPinsAndTypoSearchSchema,
  importBatchesAttributesSchema,
  categoryShapeSchema,
  structureMeasuresSchema,
  savedViewsSchema,
  dismissedSuggestionsSchema,
  historyGapsSchema,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
