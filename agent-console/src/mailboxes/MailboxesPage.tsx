import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailboxSettings } from '../api/mailboxEndpoints';
import { LoadStatus } from '../data/LoadStatus';
import { FailedMailsSection } from './FailedMailsSection';
import { MailboxForm } from './MailboxForm';
import { MailboxList } from './MailboxList';
import { UndeliverableMailsSection } from './UndeliverableMailsSection';
import { useMailboxSettings } from './useMailboxSettings';

/** What the form is doing: nothing, adding a mailbox, or editing one. */
type Editing = null | { mailbox: MailboxSettings | null };

/** Admins: the mailboxes mail is read from, their health, and the form to add or change one. */
export function MailboxesPage() {
  const { t } = useTranslation();
  const { mailboxes, queues } = useMailboxSettings();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <section className="page page--wide" data-testid="mailboxes-page">
      <header className="page__header">
        <h1>{t('mailboxes.title')}</h1>
        <p className="muted">{t('mailboxes.intro')}</p>
      </header>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="add-mailbox"
          onClick={() => setEditing({ mailbox: null })}
        >
          {t('mailboxes.add')}
        </button>
      </div>
      {editing && (
        <MailboxForm
          key={editing.mailbox?.id ?? 'new'}
          mailbox={editing.mailbox}
          queues={queues}
          onCancel={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      <LoadStatus data={mailboxes.data} error={mailboxes.error} />
      {mailboxes.data && (
        <MailboxList mailboxes={mailboxes.data.mailboxes} onEdit={(mailbox) => setEditing({ mailbox })} />
      )}
      <FailedMailsSection />
      <UndeliverableMailsSection />
    </section>
  );
}
