import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeCategoryView } from '../../../server/http/knowledgeApiTypes';
import { CategoryForm } from './CategoryForm';
import { categoryName } from './knowledgeNames';

interface Props {
  categories: KnowledgeCategoryView[];
  /** The chosen category's id; empty for all. */
  current: string;
  onSelect: (categoryId: string) => void;
  /** Approvers add and rename categories. */
  canManage: boolean;
}

/** The categories with how many articles each holds; choosing one filters the list. */
export function CategoryPanel({ categories, current, onSelect, canManage }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<KnowledgeCategoryView | 'new' | null>(null);
  const item = (id: string, label: string, count?: number, extra?: ReactNode) => (
    <li key={id || 'all'}>
      <button
        type="button"
        className="link-button"
        aria-pressed={current === id}
        data-testid="knowledge-category"
        data-category-id={id}
        onClick={() => onSelect(id)}
      >
        {label}
      </button>
      {count !== undefined && <span className="muted small"> {t('knowledge.categories.count', { count })}</span>}
      {extra}
    </li>
  );
  return (
    <nav className="panel knowledge-categories" aria-label={t('knowledge.categories.heading')}>
      <h2>{t('knowledge.categories.heading')}</h2>
      <ul className="plain-list">
        {item('', t('knowledge.categories.all'))}
        {categories.map((category) =>
          item(
            category.id,
            categoryName(category, i18n.language),
            category.articleCount,
            canManage && editing === null && (
              <>
                {' '}
                <button type="button" className="button button--small" onClick={() => setEditing(category)}>
                  {t('knowledge.categories.edit')}
                </button>
              </>
            ),
          ),
        )}
      </ul>
      {canManage &&
        (editing ? (
          <CategoryForm
            key={editing === 'new' ? 'new' : editing.id}
            category={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <button
            type="button"
            className="button button--small"
            data-testid="new-category"
            onClick={() => setEditing('new')}
          >
            {t('knowledge.categories.add')}
          </button>
        ))}
    </nav>
  );
}
