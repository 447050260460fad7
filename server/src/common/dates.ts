import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Dates and instants the API takes (docs/adr/0007-input-rules.md): real calendar dates between
 * 1900-01-01 and 2100-12-31, and instants written with a date, a time and an offset.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const offsetHours = match[8] === undefined ? 0 : Number(match[8]);
  const offsetMinutes = match[9] === undefined ? 0 : Number(match[9]);
  return (
    isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59 &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30), between 1900 and 2100. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a real date, YYYY-MM-DD, between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
      },
    },
    options,
  );
}

/** An instant: ISO 8601 date and time with Z or an offset, that exists, between 1900 and 2100. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a date and time with an offset (e.g. 2026-11-28T09:30:00Z), between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
      },
    },
    options,
  );
}
