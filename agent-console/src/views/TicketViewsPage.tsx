import { useState } from 'react';
import './workspaceTools.css';
import { useTranslation } from 'react-i18next';
import type { TicketViewName } from '../../../server/http/ticketViewApiTypes';
import { useCurrentUser } from '../app/session';
import { TabList } from '../app/TabList';
import { LoadStatus } from '../data/LoadStatus';
import { useDebouncedValue } from '../data/useDebouncedValue';
import { errorMessage } from '../api/errorMessage';
import { NO_FILTERS, type TicketViewFilters } from './ticketViewQuery';
import { TicketViewTable } from './TicketViewTable';
import { useTicketView } from './useTicketView';
import { ViewFilters } from './ViewFilters';
import { viewsFor } from './viewsFor';

/** Ticket views (mine, unassigned, team, all, resolved) with filters, search and "load more"; they follow events. */
export function TicketViewsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const views = viewsFor(user.role);
  const [filters, setFilters] = useState<TicketViewFilters>({ ...NO_FILTERS, view: 'mine' });
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const list = useTicketView({ ...filters, q });
  const tickets = list.data?.pages.flatMap((page) => page.tickets);
  const total = list.data?.pages[0]?.total;

  return (
    <section className="page page--wide" data-testid="ticket-views-page">
      <header className="page__header">
        <h1>{t('ticketViews.title')}</h1>
        <p className="muted">{t('ticketViews.intro')}</p>
      </header>
      <TabList
        label={t('ticketViews.title')}
        idPrefix="ticket-view"
        tabs={views.map((id) => ({ id, label: t(`ticketViews.view.${id}`) }))}
        current={filters.view}
        onSelect={(view: TicketViewName) => setFilters({ ...filters, view })}
      />
      <div role="tabpanel" id={`ticket-view-panel-${filters.view}`} aria-labelledby={`ticket-view-tab-${filters.view}`}>
        <label className="view-search">
          <span className="visually-hidden">{t('ticketViews.search')}</span>
          <input
            type="search"
            data-testid="view-search"
            value={search}
            placeholder={t('ticketViews.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <ViewFilters filters={filters} onChange={setFilters} />
        <LoadStatus data={list.data} error={list.error} />
        {tickets && (
          <>
            <p className="muted" role="status" data-testid="view-total">
              {t('ticketViews.total', { count: total ?? 0 })}
            </p>
            {tickets.length > 0 && <TicketViewTable tickets={tickets} />}
            {list.hasNextPage && (
              <button
                type="button"
                className="button"
                data-testid="view-load-more"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {list.isFetchingNextPage ? t('app.loading') : t('ticketViews.loadMore')}
              </button>
            )}
            {list.isFetchNextPageError && (
              <p role="alert" className="notice notice--error">
                {errorMessage(list.error, t)}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
