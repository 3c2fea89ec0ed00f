// Một Cửa: officials work in Vietnamese; a browser that prefers English still gets English.
export default {
  app: {
    name: 'Quản trị',
    vendor: 'Một Cửa'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm'
  }
};
