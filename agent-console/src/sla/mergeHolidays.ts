type Holiday = { day: string; name: string };

/**
 * The calendar form's holidays after an import saved on the server: the server's list, plus days typed in the form
 * but not saved yet (the form's version of a day wins, as the admin may be renaming it), by day.
 */
export function mergeHolidays(inForm: readonly Holiday[], saved: readonly Holiday[]): Holiday[] {
  const byDay = new Map<string, Holiday>();
  for (const holiday of saved) byDay.set(holiday.day, holiday);
  for (const holiday of inForm) if (holiday.day) byDay.set(holiday.day, holiday);
  const unfinished = inForm.filter((holiday) => !holiday.day);
  return [...[...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)), ...unfinished];
}
