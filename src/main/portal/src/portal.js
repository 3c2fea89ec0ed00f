import { setUpLanguageSwitch } from './common.js';
import { catalogue, procedure } from './catalogue.js';
import { filing } from './filing.js';
import { tracking } from './tracking.js';
import { counter } from './counter.js';
import { mine } from './mine.js';
import { accountArea } from './auth.js';
import { loginPage } from './login.js';
import { results } from './results.js';
import { dashboard } from './dashboard.js';
import { kiosk } from './kiosk.js';
import { report } from './report.js';
import { verification } from './verification.js';
import { operatorCatalogue } from './operator-catalogue.js';

const pages = { catalogue, procedure, filing, tracking, counter, mine, results, dashboard, report, kiosk, verification,
  operatorCatalogue, login: loginPage };

document.addEventListener('DOMContentLoaded', () => {
  setUpLanguageSwitch();
  accountArea();
  document.addEventListener('motcua:lang', accountArea);
  pages[document.body.dataset.page]?.();
});
