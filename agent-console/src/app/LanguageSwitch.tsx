import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../server/http/apiTypes';
import { SUPPORTED_LOCALES, toSupportedLocale } from '../i18n/locales';

interface Props {
  /** Called after the interface has switched, e.g. to store the choice on the server. */
  onLocaleChosen?: (locale: Locale) => void;
}

export function LanguageSwitch({ onLocaleChosen }: Props) {
  const { t, i18n } = useTranslation();

  const choose = async (locale: Locale) => {
    await i18n.changeLanguage(locale);
    onLocaleChosen?.(locale);
  };

  return (
    <label className="header-control">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switch"
        value={toSupportedLocale(i18n.resolvedLanguage ?? i18n.language)}
        onChange={(event) => void choose(event.target.value as Locale)}
      >
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
