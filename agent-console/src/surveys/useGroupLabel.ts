import { useTranslation } from 'react-i18next';
import type { SurveyReportGroup, SurveyReportRow } from '../../../server/http/surveyApiTypes';
import { formatPeriod } from '../campaigns/statsPeriod';
import { isTimeGroup } from './reportRows';
import { CONTACT_CHANNELS } from './surveyChoices';

const isChannel = (key: string): key is (typeof CONTACT_CHANNELS)[number] =>
  (CONTACT_CHANNELS as readonly string[]).includes(key);

/** A report row's group in words: the period in the reader's language, the channel translated, else the server's label. */
export function useGroupLabel(group: SurveyReportGroup) {
  const { t, i18n } = useTranslation();
  return (row: Pick<SurveyReportRow, 'key' | 'label'>, long = true): string => {
    if (isTimeGroup(group)) {
      const date = formatPeriod(row.key, group, i18n.language, long);
      return group === 'week' && long ? t('surveys.reports.weekOf', { date }) : date;
    }
    if (group === 'channel' && isChannel(row.key)) return t(`channel.${row.key}`);
    return row.label;
  };
}
