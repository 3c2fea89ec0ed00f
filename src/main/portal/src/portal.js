import { setUpLanguageSwitch } from './common.js';
import { catalogue, procedure } from './catalogue.js';
import { filing } from './filing.js';
import { tracking } from './tracking.js';
import { counter } from './counter.js';

const pages = { catalogue, procedure, filing, tracking, counter };

document.addEventListener('DOMContentLoaded', () => {
  setUpLanguageSwitch();
  pages[document.body.dataset.page]?.();
});
