import { useTranslation } from 'react-i18next';
import { cellText, csvHeader, csvValue, type ReportColumn } from './reportColumns';
import { downloadCsv, toCsv } from './csv';

interface Props<R> {
  testId: string;
  columns: ReportColumn<R>[];
  rows: R[];
  /** A last row in bold (the range's totals). */
  totals?: R;
  /** The CSV's name, without ".csv". */
  fileName: string;
}

/** A report's figures as a table, and the same figures (with the totals) as a CSV file (UTF-8 with BOM). */
export function ReportTable<R>({ testId, columns, rows, totals, fileName }: Props<R>) {
  const { t, i18n } = useTranslation();
  const download = () =>
    downloadCsv(
      `${fileName}.csv`,
      toCsv(
        columns.map(csvHeader),
        [...rows, ...(totals ? [totals] : [])].map((row) => columns.map((column) => csvValue(column, row))),
      ),
    );
  const cells = (row: R) =>
    columns.map((column) => (
      <td key={column.key} className={column.kind === 'text' ? undefined : 'numeric'} data-column={column.key}>
        {cellText(column, row, i18n.language)}
      </td>
    ));

  return (
    <div className="report-table">
      <div className="button-row">
        <button type="button" className="button button--small" data-testid={`${testId}-csv`} onClick={download}>
          {t('reports.downloadCsv')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={column.kind === 'text' ? undefined : 'numeric'}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} data-testid={`${testId}-row`}>
                {cells(row)}
              </tr>
            ))}
          </tbody>
          {totals && (
            <tfoot>
              <tr className="report-table__totals" data-testid={`${testId}-totals`}>
                {cells(totals)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
