import type { AppContext } from '../context';

/** The public page an email survey links to; with a score, the page that asks to confirm it. */
export function surveyPageUrl(ctx: Pick<AppContext, 'config'>, token: string, score?: number) {
  return `${ctx.config.PUBLIC_URL}/survey/${token}${score === undefined ? '' : `?score=${score}`}`;
}
