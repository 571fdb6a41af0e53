import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../api/directoryEndpoints';
import { FieldError } from '../campaigns/FieldError';
import type { DraftMenu, DraftOption } from './ivrDraft';
import type { PathErrors } from './ivrErrors';
import { IvrField } from './IvrField';
import { IvrOptionRow } from './IvrOptionRow';

interface Props {
  menu: DraftMenu;
  /** Its place in the list: the server names it "menus.<index>". */
  index: number;
  root: boolean;
  menus: DraftMenu[];
  queues: QueueEntry[];
  errors: PathErrors;
  onChange: (change: Partial<Pick<DraftMenu, 'id' | 'prompt'>>) => void;
  onOptionChange: (optionUid: string, change: Partial<Omit<DraftOption, 'uid'>>) => void;
  onAddOption: () => void;
  onRemoveOption: (optionUid: string) => void;
  onRemove: () => void;
}

const MAX_OPTIONS = 12;

/** One menu: its id, the prompt the caller hears, and its options. */
export function IvrMenuCard({
  menu,
  index,
  root,
  menus,
  queues,
  errors,
  onChange,
  onOptionChange,
  onAddOption,
  onRemoveOption,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const path = `menus.${index}`;
  return (
    <fieldset className="form-section ivr-menu" data-testid="ivr-menu" data-menu-id={menu.id} data-root={root}>
      <legend>
        {t('ivr.menu', { id: menu.id || t('ivr.unnamedMenu') })}
        {root && <span className="status-badge ivr-menu__root">{t('ivr.rootBadge')}</span>}
      </legend>
      <div className="form__row">
        <IvrField label={t('ivr.menuId')} path={`${path}.id`} errors={errors} hint={t('ivr.hints.menuId')}>
          <input
            data-testid="ivr-menu-id"
            value={menu.id}
            onChange={(event) => onChange({ id: event.target.value.trim().toLowerCase() })}
          />
        </IvrField>
      </div>
      <IvrField label={t('ivr.prompt')} path={`${path}.prompt`} errors={errors} hint={t('ivr.hints.prompt')}>
        <textarea
          data-testid="ivr-menu-prompt"
          rows={2}
          value={menu.prompt}
          onChange={(event) => onChange({ prompt: event.target.value })}
        />
      </IvrField>
      <h3 className="panel__subheading">{t('ivr.options')}</h3>
      <p className="muted small">{t('ivr.hints.options')}</p>
      <FieldError field={`${path}.options`} messages={errors[`${path}.options`]} />
      <ul className="ivr-options">
        {menu.options.map((option, j) => (
          <IvrOptionRow
            key={option.uid}
            option={option}
            path={`${path}.options.${j}`}
            menus={menus}
            menuUid={menu.uid}
            queues={queues}
            errors={errors}
            onChange={(change) => onOptionChange(option.uid, change)}
            onRemove={menu.options.length > 1 ? () => onRemoveOption(option.uid) : null}
          />
        ))}
      </ul>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          data-testid="ivr-add-option"
          disabled={menu.options.length >= MAX_OPTIONS}
          onClick={onAddOption}
        >
          {t('ivr.addOption')}
        </button>
        {!root && (
          <button
            type="button"
            className="button button--small button--danger"
            data-testid="ivr-remove-menu"
            onClick={onRemove}
          >
            {t('ivr.removeMenu')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
