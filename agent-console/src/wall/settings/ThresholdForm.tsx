import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThresholdView } from '../../../../server/http/wallApiTypes';
import { SaveStatus } from '../../admin/SaveStatus';
import { limitsFor } from '../queueThresholds';
import { higherIsWorse, THRESHOLD_FIGURES } from '../wallFigures';
import { applyDraft, draftFor, kindOf, toShown, type ThresholdDraft } from './thresholdDraft';
import { useWallSettingsSave } from './useWallSettingsSave';
import { wallApi } from '../wallEndpoints';

interface Props {
  thresholds: ThresholdView[];
  /** null: the defaults for every queue. */
  queueId: string | null;
}

/** One queue's (or the defaults') warning and critical level per figure; a queue shows the defaults it inherits. */
export function ThresholdForm({ thresholds, queueId }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ThresholdDraft>(() => draftFor(thresholds, queueId));
  const [invalid, setInvalid] = useState<string[]>([]);
  const save = useWallSettingsSave(wallApi.putThresholds);

  const edit = (figure: keyof ThresholdDraft, level: 'warning' | 'critical', value: string) => {
    setDraft((known) => ({ ...known, [figure]: { ...known[figure], [level]: value } }));
    save.reset();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const result = applyDraft(thresholds, queueId, draft);
    if ('invalid' in result) {
      setInvalid(result.invalid);
      return;
    }
    setInvalid([]);
    save.mutate(result.thresholds);
  };

  return (
    <form className="form admin-form" data-testid="threshold-form" data-queue-id={queueId ?? ''} onSubmit={submit}>
      <table className="data-table wall-settings-table">
        <thead>
          <tr>
            <th scope="col">{t('wallSettings.figure')}</th>
            <th scope="col">{t('wallSettings.warning')}</th>
            <th scope="col">{t('wallSettings.critical')}</th>
          </tr>
        </thead>
        <tbody>
          {THRESHOLD_FIGURES.map((figure) => {
            const kind = kindOf(figure);
            const inherited = queueId === null ? undefined : limitsFor(thresholds, null, figure);
            return (
              <tr key={figure} data-testid="threshold-row" data-figure={figure}>
                <th scope="row">
                  <div>{t(`wall.figure.${figure}`)}</div>
                  <div className="muted small">
                    {t(`wallSettings.worseWhen.${higherIsWorse(figure) ? 'higher' : 'lower'}`)} ·{' '}
                    {t(`wallSettings.unit.${kind}`)}
                  </div>
                </th>
                {(['warning', 'critical'] as const).map((level) => (
                  <td key={level}>
                    <input
                      inputMode="decimal"
                      data-testid={`threshold-${level}`}
                      aria-label={`${t(`wall.figure.${figure}`)}: ${t(`wallSettings.${level}`)}`}
                      aria-invalid={invalid.includes(figure) || undefined}
                      value={draft[figure][level]}
                      onChange={(event) => edit(figure, level, event.target.value)}
                    />
                    {inherited && inherited[level] !== null && draft[figure][level] === '' && (
                      <div className="muted small">
                        {t('wallSettings.inherited', { value: toShown(inherited[level], kind) })}
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {invalid.map((figure) => (
        <p key={figure} role="alert" className="field-error" data-testid="threshold-invalid" data-figure={figure}>
          {t('wallSettings.invalid', { figure: t(`wall.figure.${figure as keyof ThresholdDraft}`) })}
        </p>
      ))}
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="threshold-save" disabled={save.isPending}>
          {save.isPending ? t('wallSettings.saving') : t('wallSettings.save')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.isSuccess} />
    </form>
  );
}
