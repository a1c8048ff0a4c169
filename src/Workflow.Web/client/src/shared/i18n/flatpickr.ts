// flatpickr's French locale, for every calendar of the application (our date fields and Form.io's): Monday first,
// a 24-hour clock, and French names for the parts a screen reader announces (flatpickr's own French locale leaves
// them in English).
import type { CustomLocale } from 'flatpickr/dist/types/locale';

/** flatpickr's French locale (the calendars of Form.io's date/time fields): Monday first, 24-hour clock. */
export const flatpickrFr: CustomLocale = {
  firstDayOfWeek: 1,
  weekdays: {
    shorthand: ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'] as [string, string, string, string, string, string, string],
    longhand: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as [string, string, string, string, string, string, string],
  },
  months: {
    shorthand: ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'] as
      [string, string, string, string, string, string, string, string, string, string, string, string],
    longhand: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as
      [string, string, string, string, string, string, string, string, string, string, string, string],
  },
  ordinal: (nth: number) => (nth > 1 ? '' : 'er'),
  rangeSeparator: ' au ',
  weekAbbreviation: 'Sem',
  scrollTitle: 'Défiler pour augmenter la valeur',
  toggleTitle: 'Cliquer pour basculer',
  amPM: ['AM', 'PM'] as [string, string],
  yearAriaLabel: 'Année',
  monthAriaLabel: 'Mois',
  hourAriaLabel: 'Heure',
  minuteAriaLabel: 'Minute',
  time_24hr: true,
};
