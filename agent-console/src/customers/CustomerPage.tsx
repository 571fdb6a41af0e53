import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditList } from '../audit/AuditList';
import { CustomerPhonePanel } from '../callbacks/CustomerPhonePanel';
import { LoadStatus } from '../data/LoadStatus';
import { CustomerHealthPanel } from '../health/CustomerHealthPanel';
import { CustomerForm } from './CustomerForm';
import { useCustomerDetail } from './customerQueries';
import { customerName } from './customerName';
import { CustomerTickets } from './CustomerTickets';
import { IdentityPanel } from './IdentityPanel';
import { InteractionList } from './InteractionList';
import type { MergeSource } from './MergeConfirm';
import { MergedNotice } from './MergedNotice';
import { mergedInto } from './mergedInto';
import { MergePanel } from './MergePanel';
import { TagList } from './TagList';

const route = getRouteApi('/customers/$customerId');

export function CustomerPage() {
  const { t } = useTranslation();
  const { customerId } = route.useParams();
  const detail = useCustomerDetail(customerId);
  const [candidate, setCandidate] = useState<MergeSource | null>(null);
  const [merges, setMerges] = useState(0);
  const survivor = mergedInto(detail.error);
  const { data } = detail;

  if (survivor !== undefined) {
    return (
      <section className="page">
        <MergedNotice survivorId={survivor} />
      </section>
    );
  }

  return (
    <section className="page page--wide">
      <LoadStatus data={data} error={detail.error} />
      {data && (
        <div className="customer-view" data-testid="customer-view" data-customer-id={data.customer.id}>
          <header className="page__header">
            <h1 data-testid="customer-name">{customerName(data.customer, t)}</h1>
            {data.customer.company && <p className="muted">{data.customer.company}</p>}
            <TagList tags={data.customer.tags} />
          </header>
          {merges > 0 && (
            <p className="notice notice--success" role="status" data-testid="merge-done">
              {t('merge.done')}
            </p>
          )}
          <div className="workspace">
            <div className="workspace__main">
              <CustomerForm customer={data.customer} />
              <IdentityPanel key={merges} customer={data.customer} onProposeMerge={(id) => setCandidate({ id })} />
              <MergePanel
                customer={data.customer}
                candidate={candidate}
                onCandidate={setCandidate}
                onMerged={() => {
                  setCandidate(null);
                  setMerges((count) => count + 1);
                }}
              />
            </div>
            <aside className="workspace__side">
              <CustomerPhonePanel customer={data.customer} />
              <CustomerHealthPanel health={data.health} surveys={data.surveys} />
              <section className="panel">
                <h2>{t('customer.ticketsHeading')}</h2>
                <CustomerTickets tickets={data.tickets} hiddenCount={data.hiddenTicketCount} />
              </section>
              <section className="panel">
                <h2>{t('customer.interactionsHeading')}</h2>
                <InteractionList interactions={data.interactions} />
              </section>
              <section className="panel">
                <h2>{t('audit.heading')}</h2>
                <AuditList entries={data.audit} />
              </section>
            </aside>
          </div>
        </div>
      )}
    </section>
  );
}
