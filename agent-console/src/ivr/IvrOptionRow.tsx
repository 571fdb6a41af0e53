import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../api/directoryEndpoints';
import { FieldError } from '../campaigns/FieldError';
import { ACTION_TYPES, type ActionType, type DraftMenu, type DraftOption } from './ivrDraft';
import type { PathErrors } from './ivrErrors';
import { IvrField } from './IvrField';
import { QueueSelect } from './QueueSelect';

interface Props {
  option: DraftOption;
  /** "menus.0.options.1": where the server's messages about this option point. */
  path: string;
  menus: DraftMenu[];
  /** The menu this option belongs to (not offered as its own submenu). */
  menuUid: string;
  queues: QueueEntry[];
  errors: PathErrors;
  onChange: (change: Partial<Omit<DraftOption, 'uid'>>) => void;
  onRemove: (() => void) | null;
}

/** One choice of a menu: the key, the words that choose it too, a label, and where it leads. */
export function IvrOptionRow({ option, path, menus, menuUid, queues, errors, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <li className="ivr-option" data-testid="ivr-option" data-key={option.key}>
      <IvrField label={t('ivr.key')} path={`${path}.key`} errors={errors} showErrors={false}>
        <input
          className="ivr-key"
          data-testid="ivr-option-key"
          maxLength={1}
          value={option.key}
          onChange={(event) => onChange({ key: event.target.value.trim() })}
        />
      </IvrField>
      <IvrField label={t('ivr.label')} path={`${path}.label`} errors={errors}>
        <input
          data-testid="ivr-option-label"
          value={option.label}
          onChange={(event) => onChange({ label: event.target.value })}
        />
      </IvrField>
      <IvrField label={t('ivr.words')} path={`${path}.words`} errors={errors}>
        <input
          data-testid="ivr-option-words"
          title={t('ivr.hints.words')}
          placeholder={t('ivr.wordsPlaceholder')}
          value={option.words}
          onChange={(event) => onChange({ words: event.target.value })}
        />
      </IvrField>
      <IvrField label={t('ivr.action')} path={`${path}.action`} errors={errors}>
        <select
          data-testid="ivr-option-action"
          value={option.type}
          onChange={(event) => onChange({ type: event.target.value as ActionType })}
        >
          {ACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`ivr.actionType.${type}`)}
            </option>
          ))}
        </select>
      </IvrField>
      {option.type === 'submenu' ? (
        <IvrField label={t('ivr.submenu')} path={`${path}.action.menuId`} errors={errors}>
          <select
            data-testid="ivr-option-submenu"
            value={option.menuUid}
            onChange={(event) => onChange({ menuUid: event.target.value })}
          >
            <option value="">{t('ivr.chooseMenu')}</option>
            {menus
              .filter((menu) => menu.uid !== menuUid)
              .map((menu) => (
                <option key={menu.uid} value={menu.uid}>
                  {menu.id || t('ivr.unnamedMenu')}
                </option>
              ))}
          </select>
        </IvrField>
      ) : (
        <IvrField label={t('ivr.queue')} path={`${path}.action.queueId`} errors={errors}>
          <QueueSelect
            testId="ivr-option-queue"
            value={option.queueId}
            onChange={(queueId) => onChange({ queueId })}
            queues={queues}
            emptyLabel={option.type === 'voicemail' ? t('ivr.voicemailQueueDefault') : t('ivr.chooseQueue')}
          />
        </IvrField>
      )}
      <div className="ivr-option__remove">
        {onRemove && (
          <button type="button" className="link-button" data-testid="ivr-remove-option" onClick={onRemove}>
            {t('ivr.removeOption')}
          </button>
        )}
      </div>
      {/* The key's column is too narrow for a sentence. */}
      <div className="ivr-option__errors">
        <FieldError field={`${path}.key`} messages={errors[`${path}.key`]} />
      </div>
    </li>
  );
}
