import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwayReasonView } from '../../../server/http/apiTypes';
import { FieldMessages } from '../admin/AdminField';
import { errorsByPath } from '../admin/fieldErrors';
import { SaveStatus } from '../admin/SaveStatus';
import { AwayReasonRow } from './AwayReasonRow';
import {
  awayReasonErrors,
  awayReasonsDraft,
  awayReasonsRequest,
  moveAwayReason,
  newAwayReason,
  sentKeys,
  setAwayReasonActive,
  type AwayReasonRowDraft,
} from './awayReasonsDraft';
import { useSaveAwayReasons } from './awayReasonsAdminQueries';

/** The list in the order agents see it: add, relabel, move, retire or restore, then save it whole. */
export function AwayReasonsForm({ reasons }: { reasons: AwayReasonView[] }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AwayReasonRowDraft[]>(() => awayReasonsDraft(reasons));
  const [sent, setSent] = useState<string[]>([]);
  const nextNew = useRef(0);
  // Saved: the new reasons are saved ones now (their codes fixed), in the order the server keeps.
  const save = useSaveAwayReasons((result) => setRows(awayReasonsDraft(result.reasons)));
  const errors = awayReasonErrors(errorsByPath(save.error), sent);

  const update = (key: string, change: Partial<AwayReasonRowDraft>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const add = () => setRows((current) => [...current, newAwayReason(`new-${++nextNew.current}`)]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(sentKeys(rows));
    save.mutate(awayReasonsRequest(rows));
  };

  return (
    <form className="form card card--wide admin-form" data-testid="away-reasons-form" onSubmit={submit} noValidate>
      {Object.keys(errors.list).map((path) => (
        <FieldMessages key={path} path={path} errors={errors.list} />
      ))}
      <div className="table-scroll">
        <table className="data-table" data-testid="away-reasons">
          <thead>
            <tr>
              <th scope="col">{t('awayReasons.admin.code')}</th>
              <th scope="col">{t('awayReasons.admin.labelEn')}</th>
              <th scope="col">{t('awayReasons.admin.labelZhCN')}</th>
              <th scope="col">{t('awayReasons.admin.order')}</th>
              <th scope="col">{t('awayReasons.admin.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <AwayReasonRow
                key={row.key}
                row={row}
                errors={errors.rows[row.key] ?? {}}
                first={index === 0}
                last={index === rows.length - 1}
                onChange={(change) => update(row.key, change)}
                onMove={(by) => setRows((current) => moveAwayReason(current, row.key, by))}
                onActive={(active) => setRows((current) => setAwayReasonActive(current, row.key, active))}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button" data-testid="away-reason-add" onClick={add}>
          {t('awayReasons.admin.add')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          data-testid="away-reasons-save"
          disabled={save.isPending}
        >
          {t('admin.save')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.isSuccess} />
    </form>
  );
}
