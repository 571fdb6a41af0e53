import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeCategoryInput, KnowledgeCategoryView } from '../../../server/http/knowledgeApiTypes';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import { createCategory, updateCategory } from './knowledgeEndpoints';
import { useKnowledgeMutation } from './knowledgeQueries';

interface Props {
  /** The category to change; a new one when absent. */
  category?: KnowledgeCategoryView;
  onDone: () => void;
}

type Field = 'slug' | 'position' | 'nameEn' | 'descriptionEn' | 'nameZh' | 'descriptionZh';
type Draft = Record<Field, string>;

const draftOf = (category?: KnowledgeCategoryView): Draft => ({
  slug: category?.slug ?? '',
  position: String(category?.position ?? 0),
  nameEn: category?.names.en?.name ?? '',
  descriptionEn: category?.names.en?.description ?? '',
  nameZh: category?.names['zh-CN']?.name ?? '',
  descriptionZh: category?.names['zh-CN']?.description ?? '',
});

/** A language with a name is sent; one left blank is not. */
function inputOf(draft: Draft): KnowledgeCategoryInput {
  const names: KnowledgeCategoryInput['names'] = {};
  if (draft.nameEn.trim()) names.en = { name: draft.nameEn.trim(), description: draft.descriptionEn.trim() };
  if (draft.nameZh.trim()) names['zh-CN'] = { name: draft.nameZh.trim(), description: draft.descriptionZh.trim() };
  return { slug: draft.slug.trim(), position: Number(draft.position) || 0, names };
}

/** Adds or renames a category (approvers); the server's errors show by their field. */
export function CategoryForm({ category, onDone }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(category));
  const save = useKnowledgeMutation((input: KnowledgeCategoryInput) =>
    category ? updateCategory(category.id, input) : createCategory(input),
  );
  const fieldErrors = save.error instanceof ApiRequestError ? save.error.fields : [];

  const field = (key: Field, label: string, errorPath: string, hint?: string) => (
    <label className="field" key={key}>
      <span>{label}</span>
      <input
        data-testid={`category-${key}`}
        type={key === 'position' ? 'number' : 'text'}
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
      {hint && <small className="muted">{hint}</small>}
      {fieldErrors
        .filter((f) => f.path === errorPath || f.path.startsWith(`${errorPath}.`))
        .map((f) => (
          <span key={f.path} className="field-error" role="alert">
            {f.message}
          </span>
        ))}
    </label>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(inputOf(draft), { onSuccess: onDone });
  };

  return (
    <form className="knowledge-category-form" onSubmit={submit} data-testid="category-form">
      {field('slug', t('knowledge.categories.slug'), 'slug', t('knowledge.categories.slugHint'))}
      {field('position', t('knowledge.categories.position'), 'position')}
      {field('nameEn', t('knowledge.categories.nameEn'), 'names.en')}
      {field('descriptionEn', t('knowledge.categories.descriptionEn'), 'names.en.description')}
      {field('nameZh', t('knowledge.categories.nameZh'), 'names.zh-CN')}
      {field('descriptionZh', t('knowledge.categories.descriptionZh'), 'names.zh-CN.description')}
      {save.error != null && fieldErrors.length === 0 && (
        <p role="alert" className="notice notice--error">
          {errorMessage(save.error, t)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="category-save" disabled={save.isPending}>
          {t('knowledge.categories.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('knowledge.categories.cancel')}
        </button>
      </div>
    </form>
  );
}
