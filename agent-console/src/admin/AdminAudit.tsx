import { useTranslation } from 'react-i18next';
import { Timestamp } from '../format/Timestamp';
import type { AuditEntityType } from './adminApi';
import { useAudit } from './adminQueries';
import { describeSettingsChange } from './describeSettingsChange';
import { QueryStatus } from './SaveStatus';
import { useAdminNames } from './useAdminNames';

/** Who changed what on one user, team, skill, queue or calendar, newest first. */
export function AdminAudit({ entityType, entityId }: { entityType: AuditEntityType; entityId: string }) {
  const { t } = useTranslation();
  const audit = useAudit(entityType, entityId);
  const nameOf = useAdminNames();
  const entries = audit.data?.entries;
  return (
    <section className="admin-audit" data-testid="admin-audit" aria-label={t('admin.audit.title')}>
      <h3>{t('admin.audit.title')}</h3>
      <QueryStatus pending={audit.isPending} error={audit.error} />
      {entries && entries.length === 0 && <p className="muted">{t('admin.audit.empty')}</p>}
      <ol className="audit-list">
        {entries?.map((entry) => {
          const { summary, changes } = describeSettingsChange(entry, t, nameOf);
          const who =
            entry.actor.kind === 'user' ? (entry.actor.name ?? t('admin.audit.someone')) : t('admin.audit.system');
          return (
            <li key={entry.id} className="audit-entry" data-testid="admin-audit-entry" data-action={entry.action}>
              <span>{summary}</span>
              {changes.length > 0 && (
                <ul className="admin-audit__changes">
                  {changes.map((change) => (
                    <li key={change.field} data-testid="admin-audit-change">
                      <strong>{change.field}:</strong> {change.from} → {change.to}
                    </li>
                  ))}
                </ul>
              )}
              <span className="muted small">
                {who} · <Timestamp iso={entry.at} />
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
