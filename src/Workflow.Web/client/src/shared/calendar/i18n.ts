export default {
  fr: { today: 'Aujourd’hui', week: 'Semaine', month: 'Mois', day: 'Jour', legend: { range: 'plage de disponibilité', appointment: 'rendez-vous', busy: 'occupé (agenda externe)', candidate: 'rendez-vous proposé' } },
  en: { today: 'Today', week: 'Week', month: 'Month', day: 'Day', legend: { range: 'availability range', appointment: 'appointment', busy: 'busy (external calendar)', candidate: 'proposed appointment' } },
};
