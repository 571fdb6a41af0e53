import { useTranslation } from 'react-i18next';
import { FieldMessages } from '../admin/AdminField';
import type { PathErrors } from '../admin/fieldErrors';
import type { AwayReasonRowDraft } from './awayReasonsDraft';

interface Props {
  row: AwayReasonRowDraft;
  /** The server's complaints about this reason, by "code", "labels.en", "labels.zh-CN". */
  errors: PathErrors;
  first: boolean;
  last: boolean;
  onChange: (change: Partial<AwayReasonRowDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onActive: (active: boolean) => void;
}

/** One reason: its code (typed only while new), its two labels, its place in the list, retire or restore. */
export function AwayReasonRow({ row, errors, first, last, onChange, onMove, onActive }: Props) {
  const { t } = useTranslation();
  const name = row.en || row.code || t('awayReasons.admin.newReason');
  return (
    <tr
      data-testid="away-reason-row"
      data-key={row.key}
      data-active={row.active}
      className={row.active ? undefined : 'admin-row--inactive'}
    >
      <td>
        {row.isNew ? (
          <input
            aria-label={`${name}: ${t('awayReasons.admin.code')}`}
            data-testid="away-reason-code"
            placeholder={t('awayReasons.admin.codeHint')}
            value={row.code}
            onChange={(e) => onChange({ code: e.target.value })}
          />
        ) : (
          <code>{row.code}</code>
        )}
        <FieldMessages path="code" errors={errors} />
      </td>
      <td>
        <input
          aria-label={`${name}: ${t('awayReasons.admin.labelEn')}`}
          data-testid="away-reason-en"
          lang="en"
          value={row.en}
          disabled={!row.active}
          onChange={(e) => onChange({ en: e.target.value })}
        />
        <FieldMessages path="labels.en" errors={errors} />
      </td>
      <td>
        <input
          aria-label={`${name}: ${t('awayReasons.admin.labelZhCN')}`}
          data-testid="away-reason-zh-CN"
          lang="zh-CN"
          value={row.zhCN}
          disabled={!row.active}
          onChange={(e) => onChange({ zhCN: e.target.value })}
        />
        <FieldMessages path="labels.zh-CN" errors={errors} />
      </td>
      <td>
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            data-testid="away-reason-up"
            aria-label={`${name}: ${t('awayReasons.admin.moveUp')}`}
            disabled={first}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--small"
            data-testid="away-reason-down"
            aria-label={`${name}: ${t('awayReasons.admin.moveDown')}`}
            disabled={last}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
        </div>
      </td>
      <td>
        <span className="muted">{t(row.active ? 'awayReasons.admin.offered' : 'awayReasons.admin.retired')}</span>{' '}
        <button
          type="button"
          className="button button--small"
          data-testid={row.active ? 'away-reason-retire' : 'away-reason-restore'}
          onClick={() => onActive(!row.active)}
        >
          {t(row.active ? (row.isNew ? 'admin.remove' : 'awayReasons.admin.retire') : 'awayReasons.admin.restore')}
        </button>
      </td>
    </tr>
  );
}
