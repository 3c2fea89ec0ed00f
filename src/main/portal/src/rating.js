// The satisfaction rating as the tracking page and the counter's kiosk both show it: the nine criteria of the form
// (from GET …/rating) with their 0/1/2 choices, the scores chosen, the call that sends them.
import { api, el, t } from './common.js';

/** The choices of a criterion: points, then the short words in Vietnamese and English. */
export const POINTS = [
  [2, 'Tốt', 'Good'],
  [1, 'Bình thường', 'Fair'],
  [0, 'Chưa tốt', 'Poor']
];

const ratingPath = (code) => `/api/dossiers/${encodeURIComponent(code)}/rating`;

/** The rating form of the dossier: criteria, whether the applicant may rate now (or why not), the rating so far. */
export const ratingView = (code, headers) => api(ratingPath(code), { headers });

/** Sends the nine scores (PUT …/rating) and answers the rating as stored. */
export const sendRating = (code, headers, { scores, comment, channel }) => api(ratingPath(code), {
  method: 'PUT',
  headers: { ...headers, 'Content-Type': 'application/json' },
  body: JSON.stringify({ scores, comment, channel })
});

/**
 * One item per criterion of the view, with a radio group of 2, 1 and 0 points; the scores given so far are chosen.
 * {@code text(criterion)} and {@code choice(points, vi, en)} write what the page shows.
 */
export function criteriaItems(view, { text, choice }) {
  const given = view.rating;
  return view.criteria.map((c, i) => el('li', { 'data-criterion': c.number },
    el('p', { class: 'criterion-text' }, text(c)),
    el('div', { class: 'choices', role: 'radiogroup', 'aria-label': t(c.text, c.textEn) },
      POINTS.map(([points, vi, en]) => el('label', { 'data-points': points },
        el('input', { type: 'radio', name: `c${c.number}`, value: points,
          checked: given && given.scores[i] === points, disabled: !view.mayRate }),
        choice(points, vi, en))))));
}

/** The scores chosen in the list, in the criteria's order, and the number of the first criterion left out (or 0). */
export function chosenScores(list) {
  const scores = [...list.querySelectorAll('li')].map((li) => {
    const chosen = li.querySelector('input:checked');
    return chosen ? Number(chosen.value) : null;
  });
  return { scores, missing: scores.indexOf(null) + 1 };
}

/** What to say when criterion {@code number} has no score: Vietnamese, English. */
export const missingScore = (number) =>
  [`Vui lòng chấm điểm tiêu chí ${number}.`, `Please score criterion ${number}.`];

/** The level of satisfaction in English (the API gives the Vietnamese text). */
export const satisfactionEn = (rating) =>
  ({ RAT_HAI_LONG: 'very satisfied', HAI_LONG: 'satisfied' })[rating.satisfaction] || 'dissatisfied';
