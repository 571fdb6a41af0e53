import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueues } from '../admin/adminQueries';
import { QueryStatus } from '../admin/SaveStatus';
import { useSlaPolicies } from './slaAdminQueries';
import { SlaPolicyForm } from './SlaPolicyForm';
import { SlaPolicyList } from './SlaPolicyList';
import { SlaPreviewPanel } from './SlaPreviewPanel';
import '../admin/admin.css';
import './sla.css';

/** Admins: the SLA policies in first-match order, one open for editing, and what they give a new ticket. */
export function SlaPoliciesAdminPage() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const queues = useQueues();
  const [open, setOpen] = useState<string | null>(null);
  const timeZones = useId();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const ready = policies.data && queues.data;
  const selected = policies.data?.policies.find((policy) => policy.id === open) ?? null;

  return (
    <section className="page page--wide" data-testid="sla-policies-page">
      <header className="page__header">
        <h1>{t('sla.policies.title')}</h1>
        <p className="muted">{t('sla.policies.intro')}</p>
      </header>
      <QueryStatus pending={!ready} error={policies.error ?? queues.error} />
      <datalist id={timeZones}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {ready && (
        <>
          <div className="admin-layout">
            <div className="admin-layout__list">
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="add-policy"
                  onClick={() => setOpen('new')}
                >
                  {t('sla.policies.add')}
                </button>
              </div>
              <SlaPolicyList policies={policies.data.policies} open={open} onOpen={setOpen} />
            </div>
            <div className="admin-layout__detail">
              {open === 'new' && (
                <SlaPolicyForm
                  key="new"
                  policy={null}
                  queues={queues.data.queues}
                  timeZones={timeZones}
                  onCreated={setOpen}
                  onDeleted={() => setOpen(null)}
                />
              )}
              {selected && (
                <SlaPolicyForm
                  key={selected.id}
                  policy={selected}
                  queues={queues.data.queues}
                  timeZones={timeZones}
                  onCreated={setOpen}
                  onDeleted={() => setOpen(null)}
                />
              )}
              {!open && <p className="muted">{t('sla.policies.pick')}</p>}
            </div>
          </div>
          <SlaPreviewPanel queues={queues.data.queues} />
        </>
      )}
    </section>
  );
}
