export default {
  fr: { kind: { expert: 'base de l’expert', appointment: 'autre rendez-vous', planned: 'rendez-vous à planifier', place: 'lieu' } },
  en: { kind: { expert: 'expert’s base', appointment: 'other appointment', planned: 'appointment being planned', place: 'place' } },
};
