import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminAudit } from './AdminAudit';
import { useBusinessHours, useQueues } from './adminQueries';
import { CalendarForm } from './CalendarForm';
import { HoursLabel } from './HoursLabel';
import { QueryStatus } from './SaveStatus';
import './admin.css';

/** Admins: the calendars queues and the phone line follow (and SLA clocks count in). */
export function BusinessHoursAdminPage() {
  const { t } = useTranslation();
  const hours = useBusinessHours();
  const queues = useQueues();
  const [open, setOpen] = useState<string | null>(null);
  const ready = hours.data && queues.data;
  const selected = hours.data?.businessHours.find((h) => h.id === open) ?? null;
  const queueNames = (ids: string[]) =>
    ids.map((id) => queues.data?.queues.find((q) => q.id === id)?.name ?? '').join(', ');

  return (
    <section className="page page--wide" data-testid="admin-hours-page">
      <header className="page__header">
        <h1>{t('admin.hours.title')}</h1>
        <p className="muted">{t('admin.hours.intro')}</p>
      </header>
      <QueryStatus pending={!ready} error={hours.error ?? queues.error} />
      {ready && (
        <div className="admin-layout">
          <div className="admin-layout__list">
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                data-testid="add-calendar"
                onClick={() => setOpen('new')}
              >
                {t('admin.hours.add')}
              </button>
            </div>
            <ul className="plain-list">
              {hours.data.businessHours.map((h) => (
                <li
                  key={h.id}
                  className="plain-list__row admin-calendar-row"
                  data-testid="calendar-row"
                  data-name={h.name}
                >
                  <button type="button" className="link-button" onClick={() => setOpen(h.id)}>
                    {t('admin.hours.edit', { name: h.name })}
                  </button>
                  <HoursLabel hours={h} />
                  <span className="muted small">
                    {h.queueIds.length > 0 && t('admin.hours.followedBy', { queues: queueNames(h.queueIds) })}
                    {h.phoneLine && ` ${t('admin.hours.phoneLine')}`}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div className="admin-layout__detail">
            {open === 'new' && (
              <CalendarForm key="new" hours={null} onCreated={setOpen} onDeleted={() => setOpen(null)} />
            )}
            {selected && (
              <>
                <CalendarForm key={selected.id} hours={selected} onCreated={setOpen} onDeleted={() => setOpen(null)} />
                <AdminAudit entityType="business_hours" entityId={selected.id} />
              </>
            )}
            {!open && <p className="muted">{t('admin.hours.pick')}</p>}
          </div>
        </div>
      )}
    </section>
  );
}
