// Một Cửa: officials work in Vietnamese; a browser that prefers English still gets English.
export default {
  app: {
    name: 'Xử lý hồ sơ',
    vendor: 'Một Cửa'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  // the tab "Hồ sơ" on every task (scripts/dossier-tab.js); it also lists tasks by due date
  customScripts: ['scripts/dossier-tab'],
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm'
  }
};
