import { useTranslation } from 'react-i18next';
import { failureDetail } from './failureDetail';

/** The provider's reason a text was not sent or delivered: its message and error code. */
export function FailureReason({ errorMessage, errorCode, testId }: { errorMessage: string | null; errorCode: string | null; testId: string }) {
  const { t } = useTranslation();
  const detail = failureDetail(errorMessage, errorCode);
  if (!detail) return null;
  return (
    <span className="failure-reason" data-testid={testId} data-error-code={errorCode ?? undefined}>
      {detail.message}
      {detail.code && (detail.message ? ` (${t('delivery.errorCode', { code: detail.code })})` : t('delivery.errorCode', { code: detail.code }))}
    </span>
  );
}
