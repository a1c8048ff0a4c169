// This feature's strings, French and English side by side (namespace registered in shared/i18n/catalogues.ts).
export default {
  fr: {},
  en: {},
};
