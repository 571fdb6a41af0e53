import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../api/directoryEndpoints';
import { errorMessage } from '../api/errorMessage';
import { saveIvr, type BusinessHoursEntry, type IvrSettings } from '../api/ivrEndpoints';
import { FieldError } from '../campaigns/FieldError';
import { queryKeys } from '../data/queryKeys';
import {
  addMenu,
  addOption,
  fromDraft,
  removeMenu,
  removeOption,
  toDraft,
  updateMenu,
  updateOption,
  type IvrDraft,
} from './ivrDraft';
import { errorsByPath, shownPaths, unshownMessages, type PathErrors } from './ivrErrors';
import { IvrGeneralSection } from './IvrGeneralSection';
import { IvrMenuCard } from './IvrMenuCard';
import { IvrPreviewPanel } from './IvrPreviewPanel';

const MAX_MENUS = 30;

type Problem = { errors: PathErrors; messages: string[] } | null;

interface Props {
  ivr: IvrSettings;
  queues: QueueEntry[];
  businessHours: BusinessHoursEntry[];
}

/** The phone line's settings and menu tree, saved whole; the server checks everything and names each wrong field. */
export function IvrEditor({ ivr, queues, businessHours }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<IvrDraft>(() => toDraft(ivr));
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: saveIvr,
    // The page opened next starts from what was stored.
    onSuccess: (answer) => client.setQueryData(queryKeys.ivr, answer),
  });
  const busy = save.isPending;
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const firstQueue = queues[0]?.id ?? '';

  const edit = (change: (draft: IvrDraft) => IvrDraft) => {
    setDraft(change);
    setSaved(false);
  };
  // Adding or removing menus and options renumbers what the server's messages point at: they no longer apply.
  const restructure = (change: (draft: IvrDraft) => IvrDraft) => {
    edit(change);
    setProblem(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    save.mutate(fromDraft(draft), {
      onSuccess: ({ ivr: stored }) => {
        setDraft(toDraft(stored));
        setSaved(true);
      },
      onError: (failure) => {
        const errors = errorsByPath(failure);
        const unshown = unshownMessages(errors, shownPaths(draft));
        const fieldsShown = Object.keys(errors).length > unshown.length;
        setProblem({
          errors,
          messages:
            Object.keys(errors).length === 0
              ? [errorMessage(failure, t)]
              : [...(fieldsShown ? [t('ivr.checkFields')] : []), ...unshown],
        });
      },
    });
  };

  const errors = problem?.errors ?? {};
  return (
    <div className="ivr-layout">
      <form className="form ivr-editor" data-testid="ivr-editor" onSubmit={submit} noValidate>
        {problem && problem.messages.length > 0 && (
          <div role="alert" className="notice notice--error" data-testid="ivr-error">
            {problem.messages.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <IvrGeneralSection
          draft={draft}
          update={(change) => edit((d) => ({ ...d, ...change }))}
          errors={errors}
          queues={queues}
          businessHours={businessHours}
        />

        <h2>{t('ivr.menusHeading')}</h2>
        <label className="form__field">
          <span>{t('ivr.rootMenu')}</span>
          <select
            data-testid="ivr-root-menu"
            value={draft.rootMenuUid}
            onChange={(event) => edit((d) => ({ ...d, rootMenuUid: event.target.value }))}
          >
            {draft.menus.map((menu) => (
              <option key={menu.uid} value={menu.uid}>
                {menu.id || t('ivr.unnamedMenu')}
              </option>
            ))}
          </select>
          <small className="muted">{t('ivr.hints.rootMenu')}</small>
          <FieldError field="rootMenuId" messages={errors.rootMenuId} />
        </label>
        {draft.menus.map((menu, index) => (
          <IvrMenuCard
            key={menu.uid}
            menu={menu}
            index={index}
            root={menu.uid === draft.rootMenuUid}
            menus={draft.menus}
            queues={queues}
            errors={errors}
            onChange={(change) => edit((d) => updateMenu(d, menu.uid, change))}
            onOptionChange={(optionUid, change) => edit((d) => updateOption(d, menu.uid, optionUid, change))}
            onAddOption={() => restructure((d) => addOption(d, menu.uid, firstQueue))}
            onRemoveOption={(optionUid) => restructure((d) => removeOption(d, menu.uid, optionUid))}
            onRemove={() => restructure((d) => removeMenu(d, menu.uid))}
          />
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="ivr-add-menu"
            disabled={draft.menus.length >= MAX_MENUS}
            onClick={() => restructure((d) => addMenu(d, firstQueue))}
          >
            {t('ivr.addMenu')}
          </button>
        </div>

        <div className="button-row ivr-editor__actions">
          <button type="submit" className="button button--primary" data-testid="ivr-save" disabled={busy}>
            {busy ? t('ivr.saving') : t('ivr.save')}
          </button>
          {saved && (
            <span role="status" className="notice notice--success" data-testid="ivr-saved">
              {t('ivr.saved')}
            </span>
          )}
        </div>
      </form>
      <IvrPreviewPanel ivr={fromDraft(draft)} queues={queues} />
    </div>
  );
}
