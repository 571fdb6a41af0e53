import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { NewTagForm } from './NewTagForm';
import { TagReport } from './TagReport';
import { TagRow } from './TagRow';
import { useTags } from './tagQueries';

/** Supervisors and admins keep the tag list here, and see how tags were used. */
export function TagsPage() {
  const { t } = useTranslation();
  const tags = useTags();

  return (
    <section className="page" data-testid="tags-page">
      <header className="page__header">
        <h1>{t('tags.manageTitle')}</h1>
        <p className="muted">{t('tags.manageIntro')}</p>
      </header>
      <NewTagForm />
      <LoadStatus data={tags.data} error={tags.error} />
      {tags.data && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('tags.name')}</th>
              <th scope="col">{t('tags.color')}</th>
              <th scope="col">{t('tags.ticketCount')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tags.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.data.tags.map((tag) => (
              // Keyed by name and colour too, so a change from elsewhere resets the row's draft.
              <TagRow key={`${tag.id}:${tag.name}:${tag.color}`} tag={tag} />
            ))}
          </tbody>
        </table>
      )}
      <TagReport />
    </section>
  );
}
