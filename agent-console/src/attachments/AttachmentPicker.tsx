import { useRef } from 'react';
import '../views/workspaceTools.css';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import type { Attachments } from './useAttachments';

/** Pick files for an email reply; each shows its upload's progress or error and can be removed. */
export function AttachmentPicker({ attachments }: { attachments: Attachments }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);

  const problem = (error: unknown, filename: string) =>
    error instanceof ApiRequestError && error.status === 413
      ? t('attachments.tooLarge', { name: filename })
      : t('attachments.failed', { name: filename, reason: errorMessage(error, t) });

  return (
    <div className="attachments" data-testid="attachments">
      <input
        ref={input}
        type="file"
        multiple
        className="visually-hidden"
        data-testid="attachment-input"
        onChange={(event) => {
          if (event.target.files) attachments.add(event.target.files);
          event.target.value = '';
        }}
      />
      <button type="button" className="button button--small" onClick={() => input.current?.click()}>
        {t('attachments.add')}
      </button>
      {attachments.items.length > 0 && (
        <ul className="attachments__list">
          {attachments.items.map((item) => (
            <li
              key={item.key}
              data-testid="attachment"
              data-filename={item.filename}
              data-state={item.error ? 'failed' : item.uploadId ? 'uploaded' : 'uploading'}
            >
              <span>{item.filename}</span>{' '}
              {item.error ? (
                <span role="alert" className="notice--error">
                  {problem(item.error, item.filename)}
                </span>
              ) : (
                !item.uploadId && (
                  <progress
                    max={1}
                    value={item.progress}
                    aria-label={t('attachments.uploading', { percent: Math.round(item.progress * 100) })}
                  />
                )
              )}
              <button
                type="button"
                className="button button--small"
                data-testid="remove-attachment"
                aria-label={t('attachments.remove', { name: item.filename })}
                onClick={() => attachments.remove(item.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
