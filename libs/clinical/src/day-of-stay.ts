// Building an Intl.DateTimeFormat is costly (it was half of the ward board's CPU): one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

/** Calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

/** Day N of the stay in the ward's calendar: the admission day is day 1, each local midnight adds one. */
export function dayOfStay(admittedAt: Date, now: Date, timeZone: string): number {
  const days = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return Math.max(1, days(localDate(now, timeZone)) - days(localDate(admittedAt, timeZone)) + 1);
}
