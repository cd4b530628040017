import { UsageError } from './output';

// `cairn export --as-of MOMENT`: a date, or a date and a time, in local time unless it
// names its zone (Z or ±hh:mm), as a person types it.
const MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseMoment(text: string): Date {
  const moment = MOMENT.test(text)
    ? // A date alone is read as UTC by Date; the start of that day here is what is meant.
      new Date(text.length === 10 ? `${text}T00:00` : text)
    : null;
  // Date rolls an impossible day over (2026-02-30 is 2 March): refused instead.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const local = text.length <= 19 || !/(Z|[+-]\d{2}:\d{2})$/.test(text);
  const sameDay =
    moment !== null &&
    (local
      ? moment.getFullYear() === year && moment.getMonth() + 1 === month && moment.getDate() === day
      : new Date(`${text.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) ===
        text.slice(0, 10));
  if (!moment || Number.isNaN(moment.getTime()) || !sameDay) {
    throw new UsageError(
      `--as-of takes a moment such as 2026-11-30T12:00 (local time), 2026-11-30T12:00Z or 2026-11-30: "${text}" is not one`,
    );
  }
  return moment;
}
