import type { Locale } from '../http/apiTypes';
import type { SurveyScale } from '../http/surveyApiTypes';
import { SCALE_RANGE } from './surveyScales';

// The public survey pages: plain server-rendered HTML in the customer's language, no script (the CSP allows none),
// styled inline. Every value that came from anyone is escaped.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const WORDS = {
  en: {
    title: 'Your feedback',
    pick: 'Choose your answer. You confirm it on the next page.',
    chosen: (n: number) => `You chose ${n}.`,
    second: 'Yes',
    secondNo: 'No',
    comment: 'Anything you would like to tell us? (optional)',
    confirm: 'Send my answer',
    change: 'Choose another answer',
    thanks: 'Thank you for your feedback.',
    already: 'Your answer was already recorded. Thank you!',
    closed: 'This survey has closed.',
    notFound: 'This survey link is not valid.',
    badScore: (min: number, max: number) => `Please choose a number from ${min} to ${max}.`,
  },
  'zh-CN': {
    title: '您的反馈',
    pick: '请选择您的评分，下一页确认后提交。',
    chosen: (n: number) => `您选择了 ${n} 分。`,
    second: '是',
    secondNo: '否',
    comment: '还有什么想告诉我们的吗？（选填）',
    confirm: '提交评分',
    change: '重新选择',
    thanks: '感谢您的反馈。',
    already: '您的评分已记录，谢谢！',
    closed: '本次调查已结束。',
    notFound: '此调查链接无效。',
    badScore: (min: number, max: number) => `请选择 ${min} 到 ${max} 之间的数字。`,
  },
} satisfies Record<Locale, unknown>;

export const pageWords = (locale: Locale) => WORDS[locale];

function page(locale: Locale, body: string) {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(WORDS[locale].title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2933}
.scale{display:flex;flex-wrap:wrap;gap:.5rem}.scale a{display:inline-block;min-width:2.5rem;padding:.6rem;text-align:center;
border:1px solid #9aa5b1;border-radius:.4rem;text-decoration:none;color:inherit}textarea{width:100%;min-height:6rem}
button{padding:.6rem 1.2rem;font-size:1rem}fieldset{border:0;padding:0;margin:1rem 0}</style></head>
<body>${body}</body></html>`;
}

/** The choice: one link per score (a GET, which records nothing). */
export function choicePage(locale: Locale, question: string, scale: SurveyScale, token: string) {
  const { min, max } = SCALE_RANGE[scale];
  const links = Array.from({ length: max - min + 1 }, (_, i) => min + i)
    .map((n) => `<a href="/survey/${esc(token)}?score=${n}">${n}</a>`)
    .join('');
  return page(locale, `<h1>${esc(question)}</h1><p>${esc(WORDS[locale].pick)}</p><div class="scale">${links}</div>`);
}

/** The confirm step: the chosen score in a form that only a click posts (link scanners only GET). */
export function confirmPage(
  locale: Locale,
  input: { question: string; secondQuestion: string | null; askComment: boolean; score: number; token: string },
) {
  const w = WORDS[locale];
  const second = input.secondQuestion
    ? `<fieldset><legend>${esc(input.secondQuestion)}</legend>
<label><input type="radio" name="second" value="yes"> ${esc(w.second)}</label>
<label><input type="radio" name="second" value="no"> ${esc(w.secondNo)}</label></fieldset>`
    : '';
  const comment = input.askComment
    ? `<p><label>${esc(w.comment)}<br><textarea name="comment" maxlength="2000"></textarea></label></p>`
    : '';
  return page(
    locale,
    `<h1>${esc(input.question)}</h1><p><strong>${esc(w.chosen(input.score))}</strong></p>
<form method="post" action="/survey/${esc(input.token)}"><input type="hidden" name="score" value="${input.score}">
${second}${comment}<p><button type="submit">${esc(w.confirm)}</button></p></form>
<p><a href="/survey/${esc(input.token)}">${esc(w.change)}</a></p>`,
  );
}

/** A one-line page: thanks, already answered, closed, not found, or a wrong score. */
export function messagePage(locale: Locale, text: string) {
  return page(locale, `<h1>${esc(WORDS[locale].title)}</h1><p>${esc(text)}</p>`);
}
