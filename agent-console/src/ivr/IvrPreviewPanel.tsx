import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../api/directoryEndpoints';
import type { IvrSettings } from '../api/ivrEndpoints';
import { previewIvr, type PreviewStep } from './ivrPreview';

/** Read-only: every way through the line as a caller hears it, from the settings being edited. */
export function IvrPreviewPanel({ ivr, queues }: { ivr: IvrSettings; queues: QueueEntry[] }) {
  const { t } = useTranslation();
  const branches = previewIvr(ivr);
  const queueName = (id: string | null) =>
    id === null
      ? t('ivr.entryQueue')
      : id === ''
        ? t('ivr.preview.noQueue')
        : (queues.find((queue) => queue.id === id)?.name ?? t('ivr.preview.unknownQueue'));

  const describe = (step: PreviewStep): string => {
    switch (step.kind) {
      case 'say':
        return `“${step.text}”`;
      case 'choose':
        return step.words.length > 0
          ? t('ivr.preview.chooseOrSay', { key: step.key, words: step.words.join(', '), label: step.label })
          : t('ivr.preview.choose', { key: step.key, label: step.label });
      case 'queue':
        return t('ivr.preview.queue', {
          queue: queueName(step.queueId),
          key: step.callbackKey,
          hold: step.holdMusicUrl ? t('ivr.preview.holdMusic') : `“${step.holdMessage}”`,
        });
      case 'voicemail':
        return t('ivr.preview.voicemail', { queue: queueName(step.queueId) });
      case 'callback':
        return t('ivr.preview.callback', { queue: queueName(step.queueId) });
      case 'loop':
        return t('ivr.preview.loop', { id: step.menuId });
      case 'missing':
        return t('ivr.preview.missing', { id: step.menuId || t('ivr.unnamedMenu') });
    }
  };

  return (
    <section className="panel ivr-preview" data-testid="ivr-preview">
      <h2>{t('ivr.preview.heading')}</h2>
      <p className="muted">{t('ivr.preview.intro')}</p>
      <ol className="ivr-preview__branches">
        {branches.map((branch) => (
          <li
            key={branch.closed ? 'closed' : branch.keys.join(' ')}
            className="ivr-branch"
            data-testid="ivr-branch"
            data-keys={branch.keys.join(' ')}
            data-closed={branch.closed}
          >
            <h3 className="panel__subheading">
              {branch.closed ? t('ivr.preview.closed') : t('ivr.preview.keys', { keys: branch.keys.join(' → ') })}
            </h3>
            <ol className="ivr-branch__steps">
              {branch.steps.map((step, i) => (
                <li key={i} className={`ivr-step ivr-step--${step.kind}`} data-kind={step.kind}>
                  {describe(step)}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
