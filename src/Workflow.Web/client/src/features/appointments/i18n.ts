// This feature's strings, French and English side by side (namespace registered in shared/i18n/catalogues.ts).
// The appointment screen's strings are in strings.ts; the new-appointment screen keeps its own under `new` (new-i18n.ts).
import view from './strings';
import newAppointment from './new-i18n';

export default {
  fr: { ...view.fr, new: newAppointment.fr },
  en: { ...view.en, new: newAppointment.en },
};
