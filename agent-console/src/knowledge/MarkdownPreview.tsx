import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import './knowledge.css';
import { renderMarkdown } from './renderMarkdown';

/** The Markdown as readers will see it; raw HTML in it stays text (renderMarkdown). */
export function MarkdownPreview({ source, label }: { source: string; label: string }) {
  const { t } = useTranslation();
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <section className="markdown-preview" aria-label={label} data-testid="markdown-preview">
      {source.trim() ? (
        // renderMarkdown runs markdown-it with html: false: everything the writer typed is escaped.
        <div dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="muted">{t('knowledge.editor.previewEmpty')}</p>
      )}
    </section>
  );
}
