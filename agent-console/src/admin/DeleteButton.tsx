import { useTranslation } from 'react-i18next';

/** Deletes after the admin confirms; the server may refuse (something still uses it), which the form then shows. */
export function DeleteButton({ what, onDelete, testId }: { what: string; onDelete: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--danger"
      data-testid={testId}
      onClick={() => {
        if (window.confirm(t('admin.confirmDelete', { what }))) onDelete();
      }}
    >
      {t('admin.delete')}
    </button>
  );
}
