import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeArticleView } from '../../../server/http/knowledgeApiTypes';
import { errorMessage } from '../api/errorMessage';
import { uploadFile } from '../attachments/uploadFile';
import { attachmentMarkdown } from './articleDraft';
import { staffFileUrl } from './staffFileUrl';
import { attachUpload, removeAttachment } from './knowledgeEndpoints';
import { useKnowledgeMutation } from './knowledgeQueries';

interface Props {
  article: KnowledgeArticleView;
  canEdit: boolean;
  /** Puts Markdown showing the file into the text being edited. */
  onInsert: (markdown: string) => void;
}

/**
 * The article's files and images: uploaded through the console's upload flow (POST /api/uploads), then attached to
 * the article; each can be put into the text (an image inline, another file as a link) or removed.
 */
export function AttachmentsPanel({ article, canEdit, onInsert }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const attach = useKnowledgeMutation((uploadId: string) => attachUpload(article.id, uploadId));
  const remove = useKnowledgeMutation((attachmentId: string) => removeAttachment(article.id, attachmentId));

  const add = async (file: File) => {
    setUploading((names) => [...names, file.name]);
    try {
      const upload = await uploadFile(file, () => {});
      const { attachment } = await attach.mutateAsync(upload.id);
      if (attachment.isImage) onInsert(attachmentMarkdown(attachment));
    } catch (error) {
      setFailure(t('knowledge.attachments.failed', { name: file.name, reason: errorMessage(error, t) }));
    } finally {
      setUploading((names) => names.filter((name) => name !== file.name));
    }
  };

  return (
    <section className="panel knowledge-attachments" data-testid="article-attachments">
      <h2>{t('knowledge.attachments.heading')}</h2>
      {article.attachments.length === 0 && uploading.length === 0 && (
        <p className="muted small">{t('knowledge.attachments.none')}</p>
      )}
      <ul className="plain-list">
        {article.attachments.map((attachment) => (
          <li key={attachment.id} data-testid="article-attachment" data-filename={attachment.filename}>
            <a href={staffFileUrl(attachment.url)} target="_blank" rel="noreferrer">
              {attachment.filename}
            </a>
            {canEdit && (
              <>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onInsert(attachmentMarkdown(attachment))}
                >
                  {t('knowledge.attachments.insert')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('knowledge.attachments.remove', { name: attachment.filename })}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(attachment.id)}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
        {uploading.map((name) => (
          <li key={name} className="muted small" role="status">
            {t('knowledge.attachments.uploading', { name })}
          </li>
        ))}
      </ul>
      {canEdit && (
        <>
          <input
            ref={input}
            type="file"
            multiple
            className="visually-hidden"
            data-testid="article-attachment-input"
            onChange={(event) => {
              setFailure(null);
              for (const file of Array.from(event.target.files ?? [])) void add(file);
              event.target.value = '';
            }}
          />
          <button type="button" className="button button--small" onClick={() => input.current?.click()}>
            {t('knowledge.attachments.add')}
          </button>
        </>
      )}
      {(failure || remove.error != null) && (
        <p role="alert" className="notice notice--error">
          {failure ?? errorMessage(remove.error, t)}
        </p>
      )}
    </section>
  );
}
