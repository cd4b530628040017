import { UsageError } from './output';

// `cairn export --as-of MOMENT`: a date, or a date and a time, in local time unless it
// names its zone (Z or ±hh:mm), as a person types it.
const MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseMoment(text: string): Date {
  const moment = MOMENT.test(text)
    ? // A date alone is read as UTC by Date; the start of that day here is what is meant.
      new Date(text.length === 10 ? `${text}T00:00` : text)
    : null;
  if (!moment || Number.isNaN(moment.getTime())) {
    throw new UsageError(
      `--as-of takes a moment such as 2026-11-30T12:00 (local time), 2026-11-30T12:00Z or 2026-11-30: "${text}" is not one`,
    );
  }
  return moment;
}
