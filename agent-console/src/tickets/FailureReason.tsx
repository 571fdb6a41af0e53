import { useTranslation } from 'react-i18next';
import { failureDetail, isOwnFailureReason } from './failureDetail';

/**
 * Why a message was not sent or delivered: the provider's message and error code, or, for a send our server
 * could not settle (interrupted twice, outcome unknown), our own words for it.
 */
export function FailureReason({
  errorMessage,
  errorCode,
  testId,
}: {
  errorMessage: string | null;
  errorCode: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  if (isOwnFailureReason(errorCode)) {
    return (
      <span
        className="failure-reason"
        data-testid={testId}
        data-error-code={errorCode}
        title={errorMessage ?? undefined}
      >
        {t(`delivery.reason.${errorCode}`)}
      </span>
    );
  }
  const detail = failureDetail(errorMessage, errorCode);
  if (!detail) return null;
  return (
    <span className="failure-reason" data-testid={testId} data-error-code={errorCode ?? undefined}>
      {detail.message}
      {detail.code &&
        (detail.message
          ? ` (${t('delivery.errorCode', { code: detail.code })})`
          : t('delivery.errorCode', { code: detail.code }))}
    </span>
  );
}
