// This feature's strings, French and English side by side (namespace registered in shared/i18n/catalogues.ts).
// The appointment screen's are in strings.ts.
import view from './strings';

export default {
  fr: { ...view.fr },
  en: { ...view.en },
};
