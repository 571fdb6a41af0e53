import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminAudit } from './AdminAudit';
import { useBusinessHours, useQueues, useSkills, useTeams } from './adminQueries';
import { HoursLabel } from './HoursLabel';
import { QueueForm } from './QueueForm';
import { QueryStatus } from './SaveStatus';
import './admin.css';

/** Admins: where contacts wait — who may take them, when each queue is open, where it overflows. */
export function QueuesAdminPage() {
  const { t } = useTranslation();
  const queues = useQueues();
  const teams = useTeams();
  const skills = useSkills();
  const hours = useBusinessHours();
  const [open, setOpen] = useState<string | null>(null);
  const ready = queues.data && teams.data && skills.data && hours.data;
  const selected = queues.data?.queues.find((q) => q.id === open) ?? null;
  const calendarOf = (id: string | null) => hours.data?.businessHours.find((h) => h.id === id) ?? null;
  const nameOf = (id: string | null) =>
    queues.data?.queues.find((q) => q.id === id)?.name ?? teams.data?.teams.find((x) => x.id === id)?.name ?? '';

  return (
    <section className="page page--wide" data-testid="admin-queues-page">
      <header className="page__header">
        <h1>{t('admin.queues.title')}</h1>
        <p className="muted">{t('admin.queues.intro')}</p>
      </header>
      <QueryStatus pending={!ready} error={queues.error ?? teams.error ?? skills.error ?? hours.error} />
      {ready && (
        <div className="admin-layout">
          <div className="admin-layout__list">
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                data-testid="add-queue"
                onClick={() => setOpen('new')}
              >
                {t('admin.queues.add')}
              </button>
            </div>
            <div className="table-scroll">
              <table className="data-table data-table--clickable">
                <thead>
                  <tr>
                    <th>{t('admin.queues.name')}</th>
                    <th>{t('admin.queues.businessHours')}</th>
                    <th className="admin-wide-only">{t('admin.queues.skills')}</th>
                    <th className="numeric admin-wide-only">{t('admin.queues.priority')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queues.data.queues.map((queue) => (
                    <tr
                      key={queue.id}
                      data-testid="queue-row"
                      data-name={queue.name}
                      aria-current={queue.id === open ? 'true' : undefined}
                      onClick={() => setOpen(queue.id)}
                    >
                      <td>
                        <button type="button" className="link-button" onClick={() => setOpen(queue.id)}>
                          {queue.name}
                        </button>
                        {queue.teamId && <div className="muted small">{nameOf(queue.teamId)}</div>}
                        {queue.overflowQueueId && (
                          <div className="muted small">
                            {t('admin.queues.overflowsTo', {
                              queue: nameOf(queue.overflowQueueId),
                              seconds: queue.overflowAfterSeconds,
                            })}
                          </div>
                        )}
                      </td>
                      <td>
                        <HoursLabel hours={calendarOf(queue.businessHoursId)} />
                      </td>
                      <td className="admin-wide-only">{queue.skills.join(', ')}</td>
                      <td className="numeric admin-wide-only">{queue.priority}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="admin-layout__detail">
            {open === 'new' && (
              <QueueForm
                key="new"
                queue={null}
                queues={queues.data.queues}
                teams={teams.data.teams}
                skills={skills.data.skills}
                businessHours={hours.data.businessHours}
                onCreated={setOpen}
              />
            )}
            {selected && (
              <>
                <QueueForm
                  key={selected.id}
                  queue={selected}
                  queues={queues.data.queues}
                  teams={teams.data.teams}
                  skills={skills.data.skills}
                  businessHours={hours.data.businessHours}
                  onCreated={setOpen}
                />
                <AdminAudit entityType="queue" entityId={selected.id} />
              </>
            )}
            {!open && <p className="muted">{t('admin.queues.pick')}</p>}
          </div>
        </div>
      )}
    </section>
  );
}
