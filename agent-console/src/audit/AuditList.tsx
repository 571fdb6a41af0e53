import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../server/http/apiTypes';
import { Timestamp } from '../format/Timestamp';
import { describeActor, describeAudit, type NameLookup } from './describeAudit';

const noNames: NameLookup = () => undefined;

/** Who did what and when, oldest first. */
export function AuditList({ entries, nameOf = noNames }: { entries: AuditEntryView[]; nameOf?: NameLookup }) {
  const { t } = useTranslation();
  return (
    <ol className="audit-list" data-testid="audit-list">
      {entries.length === 0 && <li className="muted">{t('audit.empty')}</li>}
      {entries.map((entry) => (
        <li key={entry.id} className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
          <span className="audit-entry__what">{describeAudit(entry, t, nameOf)}</span>
          <span className="audit-entry__who muted small">
            {describeActor(entry.actor, t)} · <Timestamp iso={entry.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
