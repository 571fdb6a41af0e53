import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../server/http/apiTypes';
import type { SurveyMessages } from '../../../server/http/surveyApiTypes';
import { AdminField } from '../admin/AdminField';
import type { PathErrors } from '../admin/fieldErrors';

interface Props {
  locale: Locale;
  messages: SurveyMessages;
  askComment: boolean;
  askSecondQuestion: boolean;
  onChange: (messages: SurveyMessages) => void;
  errors: PathErrors;
}

/** The survey's texts in one language; the second question and comment prompt only when they are asked. */
export function SurveyMessagesFields({ locale, messages, askComment, askSecondQuestion, onChange, errors }: Props) {
  const { t } = useTranslation();
  const field = (name: keyof SurveyMessages) => ({
    label: t(`surveys.admin.${name}`),
    path: `messages.${locale}.${name}`,
    errors,
  });
  const text = (name: keyof SurveyMessages) => ({
    'data-testid': `survey-${locale}-${name}`,
    value: messages[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...messages, [name]: e.target.value }),
  });
  return (
    <fieldset className="form-section" data-testid={`survey-messages-${locale}`} lang={locale}>
      <legend>{t(`surveys.admin.locale.${locale}`)}</legend>
      <AdminField {...field('question')}>
        <textarea rows={2} {...text('question')} />
      </AdminField>
      {askSecondQuestion && (
        <AdminField {...field('secondQuestion')}>
          <input {...text('secondQuestion')} />
        </AdminField>
      )}
      {askComment && (
        <AdminField {...field('commentPrompt')}>
          <input {...text('commentPrompt')} />
        </AdminField>
      )}
      <AdminField {...field('thanks')}>
        <input {...text('thanks')} />
      </AdminField>
    </fieldset>
  );
}
