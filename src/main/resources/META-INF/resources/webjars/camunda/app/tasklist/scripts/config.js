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
  // the tab "Hồ sơ" on every task (it also lists tasks by due date); people named family name first
  customScripts: ['scripts/dossier-tab', 'scripts/vietnamese-names'],
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm'
  }
};
