import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import { HttpError } from '../http/httpError';
import { refuseCrossOrigin } from '../http/refuseCrossOrigin';
import { recordSurveyAnswer } from './recordAnswer';
import { fillSurveyText } from './surveyMessages';
import { choicePage, confirmPage, messagePage, pageWords } from './surveyPageHtml';
import { findSurveyRow, takesAnswers, type SurveyRow } from './surveyRow';
import { parseScore, parseYesNo, SCALE_RANGE } from './surveyScales';

const MAX_FORM_BYTES = 16 * 1024;
const MAX_COMMENT = 2000;

async function surveyByToken(ctx: AppContext, token: string) {
  const [row] = await ctx.sql<
    { id: string }[]
  >`select id from surveys where public_token = ${token} and channel = 'email'`;
  return row ? findSurveyRow(ctx.sql, row.id) : null;
}

function send(res: Response, status: number, html: string) {
  res.status(status).setHeader('Cache-Control', 'no-store');
  res.type('html').send(html);
}

const questionOf = (s: SurveyRow) =>
  fillSurveyText(s.settings.messages[s.locale].question, { scale: s.scale, ticketNumber: s.ticketNumber });

/** GET: the choice, or with ?score= the confirm form. It never records anything, so a link scanner answers nothing. */
export async function showSurveyPage(ctx: AppContext, token: string, rawScore: unknown, res: Response) {
  const survey = await surveyByToken(ctx, token);
  if (!survey) return send(res, 404, messagePage('en', pageWords('en').notFound));
  const w = pageWords(survey.locale);
  if (survey.step !== 'score' && survey.status === 'answered')
    return send(res, 200, messagePage(survey.locale, w.already));
  if (!takesAnswers(survey)) return send(res, 410, messagePage(survey.locale, w.closed));
  if (rawScore === undefined) return send(res, 200, choicePage(survey.locale, questionOf(survey), survey.scale, token));
  const score = typeof rawScore === 'string' ? parseScore(survey.scale, rawScore) : null;
  const { min, max } = SCALE_RANGE[survey.scale];
  if (score === null) return send(res, 400, messagePage(survey.locale, w.badScore(min, max)));
  const texts = survey.settings.messages[survey.locale];
  return send(
    res,
    200,
    confirmPage(survey.locale, {
      question: questionOf(survey),
      secondQuestion: survey.settings.askSecondQuestion ? texts.secondQuestion : null,
      askComment: survey.settings.askComment,
      score,
      token,
    }),
  );
}

/** POST: the confirmed answer (score, then the second answer and comment when given), recorded once. */
export async function submitSurveyPage(ctx: AppContext, token: string, req: Request, res: Response) {
  refuseCrossOrigin(() => ctx.config.PUBLIC_URL)(req, res, () => {});
  const form = await readForm(req);
  const survey = await surveyByToken(ctx, token);
  if (!survey) return send(res, 404, messagePage('en', pageWords('en').notFound));
  const w = pageWords(survey.locale);
  if (survey.step !== 'score' && survey.status === 'answered')
    return send(res, 200, messagePage(survey.locale, w.already));
  if (!takesAnswers(survey)) return send(res, 410, messagePage(survey.locale, w.closed));
  const score = parseScore(survey.scale, form.get('score') ?? '');
  const { min, max } = SCALE_RANGE[survey.scale];
  if (score === null) return send(res, 400, messagePage(survey.locale, w.badScore(min, max)));
  const comment = (form.get('comment') ?? '').trim().slice(0, MAX_COMMENT);
  const second = parseYesNo(form.get('second') ?? '');
  let recorded = await recordSurveyAnswer(ctx, survey.id, { kind: 'score', score }, `web:${survey.id}:score`);
  // The second question may be left unanswered on the page: the survey moves on without it.
  if (recorded?.next === 'second')
    recorded = await recordSurveyAnswer(ctx, survey.id, { kind: 'second', yes: second }, `web:${survey.id}:second`);
  if (recorded?.next === 'comment')
    await recordSurveyAnswer(ctx, survey.id, { kind: 'comment', text: comment || null }, `web:${survey.id}:comment`);
  return send(res, 200, messagePage(survey.locale, w.thanks));
}

/** The form body: URL-encoded, UTF-8, at most MAX_FORM_BYTES (413 past it, 415 for another type). */
async function readForm(req: Request): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    throw new HttpError(415, 'unsupported_media_type', 'Send the survey form as application/x-www-form-urlencoded.');
  if (Number(req.headers['content-length']) > MAX_FORM_BYTES)
    throw new HttpError(413, 'too_large', 'The survey form is too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new HttpError(413, 'too_large', 'The survey form is too large.');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
