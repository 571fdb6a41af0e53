import { useTranslation } from 'react-i18next';
import '../views/workspaceTools.css';
import type { TemplateTools } from './useTemplateTools';

/** The templates matching the `/word` being typed; the highlighted one is inserted with Enter. */
export function TemplatePicker({ tools, listId }: { tools: TemplateTools; listId: string }) {
  const { t } = useTranslation();
  const { picker } = tools;
  if (!picker) return null;
  return (
    <div className="template-picker" data-testid="template-picker">
      <span className="visually-hidden" id={`${listId}-label`}>
        {t('templates.picker')}
      </span>
      {picker.choices.length === 0 ? (
        <p className="muted" data-testid="template-picker-empty">
          {picker.loading ? t('app.loading') : t('templates.pickerEmpty')}
        </p>
      ) : (
        <ul role="listbox" id={listId} aria-labelledby={`${listId}-label`}>
          {picker.choices.map((template, index) => (
            <li
              key={template.id}
              role="option"
              aria-selected={index === picker.highlighted}
              className={index === picker.highlighted ? 'template-picker__item--active' : undefined}
              data-testid="template-choice"
              data-template-name={template.name}
              // mousedown, not click: the textarea keeps its focus and caret.
              onMouseDown={(event) => {
                event.preventDefault();
                void tools.insert(template);
              }}
            >
              {template.shortcut && <code>/{template.shortcut}</code>} {template.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
