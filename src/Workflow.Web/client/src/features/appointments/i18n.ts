// This feature's strings, French and English side by side (namespace registered in shared/i18n/catalogues.ts).
// The new-appointment screen keeps its own under `new` (new-i18n.ts).
import newAppointment from './new-i18n';

export default {
  fr: { new: newAppointment.fr },
  en: { new: newAppointment.en },
};
