import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, IdentityView } from '../../../server/http/apiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { AttachmentPicker } from '../attachments/AttachmentPicker';
import { useAttachments } from '../attachments/useAttachments';
import { errorMessage } from '../api/errorMessage';
import { articlesInReply, ReplyArticles } from '../knowledge/ReplyArticles';
import { OptedOutNotice } from '../sms/OptedOutNotice';
import { SmsSegmentCount } from '../sms/SmsSegmentCount';
import { PlaceholderNotice } from '../templates/PlaceholderNotice';
import { TemplatePicker } from '../templates/TemplatePicker';
import { TemplateSuggestions } from '../templates/TemplateSuggestions';
import { useTemplateTools } from '../templates/useTemplateTools';
import { useSendMessage, type MessageKind } from './ticketMutations';

type Mode = MessageKind;

interface Props {
  ticketId: string;
  channel: Channel;
  /** The SMS number replies go to, when it texted STOP: replies are blocked, notes are not. */
  optedOut: IdentityView | null;
}

/**
 * Reply to the customer (through the ticket's channel) or add an internal note; Ctrl/Cmd+Enter sends. A phone ticket
 * takes notes only: the voice channel carries no written reply (the server refuses one), the agent calls back instead.
 */
export function Composer({ ticketId, channel, optedOut }: Props) {
  const { t } = useTranslation();
  const notesOnly = channel === 'voice';
  const [chosenMode, setMode] = useState<Mode>('reply');
  const mode: Mode = notesOnly ? 'note' : chosenMode;
  const [text, setText] = useState('');
  // `/` opens the template picker; a template's placeholders must be filled before a reply goes.
  const templates = useTemplateTools(ticketId, text, setText);
  const attachments = useAttachments();
  const withFiles = channel === 'email' && mode === 'reply';
  const message = useSendMessage(ticketId);
  const sending = message.isPending;
  const [error, setError] = useState<string | null>(null);
  // The server's 409 `opted_out`, kept until what we know about the number's opt-out changes.
  const [refusal, setRefusal] = useState<string | null>(null);
  const optedOutAt = optedOut?.smsOptedOutAt ?? null;
  const [refusalBasis, setRefusalBasis] = useState(optedOutAt);
  if (refusalBasis !== optedOutAt) {
    setRefusalBasis(optedOutAt);
    setRefusal(null);
  }

  const replyBlocked = mode === 'reply' && (optedOutAt !== null || refusal !== null);
  const unfilled = mode === 'reply' && templates.placeholders.length > 0;
  const uploading = withFiles && attachments.busy;

  const send = () => {
    if (sending || !text.trim() || replyBlocked || unfilled || uploading) return;
    setError(null);
    // The thread shows the stored message from the answer at once (ticketMutations.ts).
    message.mutate(
      {
        kind: mode,
        text,
        extras: {
          templateId: templates.templateId ?? undefined,
          attachments: withFiles && attachments.attachments.length ? attachments.attachments : undefined,
          knowledgeArticleIds: articlesInReply(ticketId),
        },
      },
      {
        onSuccess: () => {
          setText('');
          templates.reset();
          attachments.clear();
        },
        onError: (failure) => {
          if (failure instanceof ApiRequestError && failure.code === 'opted_out') setRefusal(failure.message);
          else setError(errorMessage(failure, t));
        },
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (templates.onKeyDown(event)) return;
    // Not while an input method is composing (e.g. Chinese pinyin), where Enter picks a candidate.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className={`composer composer--${mode}`} onSubmit={onSubmit} data-testid="composer" data-mode={mode}>
      <div className="composer__bar">
        {notesOnly ? (
          <>
            <strong className="composer__fixed-mode">{t('composer.note')}</strong>
            <span className="composer__hint" data-testid="composer-voice-hint">
              {t('composer.voiceHint')}
            </span>
          </>
        ) : (
          <>
            <label className="inline-field">
              <span>{t('composer.mode')}</span>
              <select
                data-testid="composer-mode"
                value={mode}
                onChange={(event) => setMode(event.target.value as Mode)}
              >
                <option value="reply">{t('composer.reply')}</option>
                <option value="note">{t('composer.note')}</option>
              </select>
            </label>
            {mode === 'note' && <span className="composer__hint">{t('composer.noteHint')}</span>}
          </>
        )}
      </div>
      {replyBlocked && <OptedOutNotice phone={optedOut?.value} at={optedOutAt} serverMessage={refusal} />}
      {mode === 'reply' && (
        <TemplateSuggestions ticketId={ticketId} onPick={(template) => void templates.insert(template)} />
      )}
      <label className="visually-hidden" htmlFor={`composer-${ticketId}`}>
        {mode === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel')}
      </label>
      <textarea
        id={`composer-${ticketId}`}
        data-testid="reply-text"
        name="text"
        rows={4}
        value={text}
        placeholder={mode === 'reply' ? t('composer.replyPlaceholder') : t('composer.notePlaceholder')}
        ref={templates.textareaRef}
        onChange={templates.onChange}
        onSelect={templates.onSelect}
        onBlur={templates.closePicker}
        onKeyDown={onKeyDown}
      />
      <TemplatePicker tools={templates} listId={`templates-${ticketId}`} />
      <ReplyArticles ticketId={ticketId} text={text} setText={setText} />
      {mode === 'reply' && <PlaceholderNotice placeholders={templates.placeholders} />}
      {withFiles && <AttachmentPicker attachments={attachments} />}
      {templates.insertError != null && (
        <p role="alert" className="notice notice--error">
          {t('templates.insertFailed')} {errorMessage(templates.insertError, t)}
        </p>
      )}
      {channel === 'sms' && mode === 'reply' && <SmsSegmentCount text={text} />}
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <div className="composer__actions">
        <span className="muted small">{t('composer.shortcut')}</span>
        <button
          type="submit"
          className="button button--primary"
          data-testid="send-reply"
          disabled={sending || !text.trim() || replyBlocked || unfilled || uploading}
        >
          {sending ? t('composer.sending') : mode === 'reply' ? t('composer.send') : t('composer.addNote')}
        </button>
      </div>
    </form>
  );
}
