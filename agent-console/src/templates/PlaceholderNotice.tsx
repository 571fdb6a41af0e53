import { useTranslation } from 'react-i18next';

/** The placeholders still in the reply: it cannot be sent until each is replaced. */
export function PlaceholderNotice({ placeholders }: { placeholders: string[] }) {
  const { t } = useTranslation();
  if (placeholders.length === 0) return null;
  return (
    <p className="notice notice--warning" role="status" data-testid="placeholders-left">
      {t('templates.placeholdersLeft', { list: placeholders.map((name) => `[[${name}]]`).join(', ') })}
    </p>
  );
}
