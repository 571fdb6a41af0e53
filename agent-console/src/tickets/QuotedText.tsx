import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitQuotedText } from './splitQuotedText';

/** A message body with quoted email history collapsed behind one "show quoted text" toggle. */
export function QuotedText({ text }: { text: string }) {
  const { t } = useTranslation();
  const segments = useMemo(() => splitQuotedText(text), [text]);
  const [expanded, setExpanded] = useState(false);
  const hasQuote = segments.some((segment) => segment.quoted);

  return (
    <div className="message-text">
      {segments.map((segment, i) =>
        segment.quoted ? (
          expanded && (
            <blockquote key={i} className="message-text__quote" data-testid="quoted-text">
              {segment.text}
            </blockquote>
          )
        ) : (
          <p key={i} className="message-text__body">
            {segment.text}
          </p>
        ),
      )}
      {hasQuote && (
        <button
          type="button"
          className="link-button small"
          data-testid="toggle-quoted"
          aria-expanded={expanded}
          onClick={() => setExpanded((shown) => !shown)}
        >
          {expanded ? t('message.hideQuoted') : t('message.showQuoted')}
        </button>
      )}
    </div>
  );
}
