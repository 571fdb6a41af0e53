/** The calendar day of an instant, in the reader's language and time zone, e.g. "10 Mar 2025" / "2025年3月10日". */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** Day and time of an instant, e.g. for a tooltip. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
