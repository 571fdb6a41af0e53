import type { ReportInterval } from '../../../server/http/wallApiTypes';

/** An interval's start as the report names it, in the report's time zone: "3 Mar 09:15", "3 Mar 2026", "Mar 2026". */
export function periodLabel(period: string, interval: ReportInterval, locale: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    interval === 'month'
      ? { year: 'numeric', month: 'short' }
      : interval === 'day' || interval === 'week'
        ? { year: 'numeric', month: 'short', day: 'numeric' }
        : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(period));
}
