// This feature's strings, French and English side by side (namespace registered in shared/i18n/catalogues.ts).
export default {
  fr: {
    fields: {
      title: 'Titre', kind: 'Type', referent: 'Référent', skills: 'Compétences requises', address: 'Adresse', latitude: 'Latitude (facultatif)',
      longitude: 'Longitude (facultatif)', urgent: 'Urgent', confidential: 'Confidentiel', status: 'Statut', reference: 'Référence', createdAt: 'Ouvert le',
    },
    kinds: { expertise: 'expertise', 'follow-up': 'accompagnement' },
    dossierStatus: { open: 'ouvert', closed: 'clôturé' },
    list: {
      title: 'Dossiers', new: 'Nouveau dossier', filters: 'Rechercher des dossiers', search: 'Rechercher (référence ou titre)',
      searchHelp: 'p. ex. EXP-2026 ou dégâts des eaux', anyKind: 'Tous les types', anyStatus: 'Tous', anyUrgency: 'Tous',
      urgentOnly: 'Urgents seulement', notUrgent: 'Non urgents', count_one: '{{count}} dossier affiché.', count_other: '{{count}} dossiers affichés.',
      none: 'Aucun dossier ne correspond à ces filtres.', noneFound: 'Aucun dossier trouvé pour « {{search}} » (ou vous n’y avez pas accès).',
      paging: 'Pages de la liste', page: 'Page {{page}}',
    },
    create: {
      title: 'Nouveau dossier', kindHelp: 'Mots en minuscules reliés par des tirets ; les processus réagissent à ce type.',
      me: '{{name}} (moi)', noSkills: 'Aucune compétence n’est encore définie.', fixFields: 'Corrigez les champs signalés.', submit: 'Créer le dossier',
    },
    page: {
      title: 'Dossier', notFoundTitle: 'Dossier introuvable',
      notFound: 'Ce dossier n’existe pas, ou il est confidentiel et vous n’en faites pas partie. Demandez à son référent de vous y ajouter.',
      backToList: 'Retour à la liste des dossiers', breadcrumb: 'Fil d’Ariane', sections: 'Parties du dossier',
    },
    summary: {
      title: 'Résumé', expert: 'Expert attribué', noExpert: 'aucun pour l’instant', none: '—', flags: 'Marques', noFlags: 'aucune',
    },
    edit: { open: 'Modifier', title: 'Modifier le dossier', saved: 'Dossier enregistré.' },
    close: { open: 'Clôturer', question: 'Clôturer ce dossier ? Il ne pourra plus être modifié.', confirm: 'Oui, clôturer', done: 'Dossier clôturé.' },
    participantKind: {
      person: 'Usager', 'private-third-party': 'Tiers non professionnel', 'professional-third-party': 'Tiers professionnel', 'internal-user': 'Utilisateur interne',
    },
    participantKinds: {
      person: 'Usagers', 'private-third-party': 'Tiers non professionnels', 'professional-third-party': 'Tiers professionnels', 'internal-user': 'Utilisateurs internes',
    },
    roles: { referent: 'référent', expert: 'expert', insured: 'assuré', beneficiary: 'bénéficiaire', broker: 'courtier', neighbour: 'voisin', garage: 'garagiste', lawyer: 'avocat', 'social worker': 'travailleur social' },
    participants: {
      title: 'Participants', add: 'Ajouter un participant', addTitle: 'Nouveau participant', kind: 'Sorte de participant', user: 'Utilisateur',
      pickUser: '— choisir —', name: 'Nom', role: 'Rôle dans le dossier', roleHelp: 'p. ex. assuré, garagiste, assistant social',
      email: 'E-mail (facultatif)', phone: 'Téléphone (facultatif)', submit: 'Ajouter', none: 'Personne.',
      remove: 'Retirer {{name}}', removeShort: 'Retirer', added: '{{name}} ajouté au dossier.', removed: '{{name}} retiré du dossier.',
    },
    tasks: {
      title: 'Tâches', new: 'Nouvelle tâche', newTitle: 'Créer une tâche à la main', created: 'Tâche « {{title}} » créée.', none: 'Aucune tâche sur ce dossier.',
      task: 'Tâche', due: 'Échéance', holder: 'Attribuée à', origin: 'Origine', anyRole: 'tout {{role}}',
      origins: { manual: 'à la main', workflow: 'processus' },
      taskTitle: 'Intitulé de la tâche', form: 'Formulaire', formHelp: 'Le formulaire de planification permet de planifier le rendez-vous depuis la tâche.',
      noForm: 'sans formulaire', holderLegend: 'Pour qui ?', toUser: 'Une personne', toRole: 'Un rôle (la première personne qui la prend)',
      assignee: 'Personne', candidateRole: 'Rôle', dueAt: 'Échéance ({{zone}}, facultatif)', submit: 'Créer la tâche',
    },
    appointments: {
      title: 'Rendez-vous', new: 'Nouveau rendez-vous', counts: 'Nombre de rendez-vous',
      planned_one: '{{count}} planifié', planned_other: '{{count}} planifiés', toPlan_one: '{{count}} à planifier', toPlan_other: '{{count}} à planifier',
      done_one: '{{count}} réalisé', done_other: '{{count}} réalisés', cancelled_one: '{{count}} annulé', cancelled_other: '{{count}} annulés',
      none: 'Aucun rendez-vous.', appointment: 'Rendez-vous', when: 'Quand ({{zone}})', mainUser: 'Utilisateur principal', notPlanned: 'pas encore planifié',
    },
    exchanges: { title: 'Échanges', none: 'Aucun échange enregistré.', with: 'Avec : {{names}}' },
    documents: { title: 'Documents', none: 'Aucun document joint aux rendez-vous.', file: 'Fichier', appointment: 'Rendez-vous', size: 'Taille', uploadedAt: 'Ajouté le' },
    instances: {
      title: 'Processus', none: 'Aucun processus ne tourne sur ce dossier.', process: 'Processus (version)', incidents: 'Incidents', startedAt: 'Démarré le',
      version: '{{key}} v{{version}}', openIncidents_one: '{{count}} incident ouvert', openIncidents_other: '{{count}} incidents ouverts',
      status: { running: 'en cours', completed: 'terminé', terminated: 'interrompu', cancelled: 'annulé', failed: 'en échec' },
    },
  },
  en: {
    fields: {
      title: 'Title', kind: 'Kind', referent: 'Referent', skills: 'Required skills', address: 'Address', latitude: 'Latitude (optional)',
      longitude: 'Longitude (optional)', urgent: 'Urgent', confidential: 'Confidential', status: 'Status', reference: 'Reference', createdAt: 'Opened on',
    },
    kinds: { expertise: 'expertise', 'follow-up': 'follow-up' },
    dossierStatus: { open: 'open', closed: 'closed' },
    list: {
      title: 'Dossiers', new: 'New dossier', filters: 'Search dossiers', search: 'Search (reference or title)',
      searchHelp: 'e.g. EXP-2026 or water damage', anyKind: 'All kinds', anyStatus: 'All', anyUrgency: 'All',
      urgentOnly: 'Urgent only', notUrgent: 'Not urgent', count_one: '{{count}} dossier shown.', count_other: '{{count}} dossiers shown.',
      none: 'No dossier matches these filters.', noneFound: 'No dossier found for “{{search}}” (or you have no access to it).',
      paging: 'List pages', page: 'Page {{page}}',
    },
    create: {
      title: 'New dossier', kindHelp: 'Lower-case words joined by hyphens; workflows react to this kind.',
      me: '{{name}} (me)', noSkills: 'No skills are defined yet.', fixFields: 'Correct the fields marked.', submit: 'Create the dossier',
    },
    page: {
      title: 'Dossier', notFoundTitle: 'Dossier not found',
      notFound: 'This dossier does not exist, or it is confidential and you are not one of its participants. Ask its referent to add you.',
      backToList: 'Back to the dossiers', breadcrumb: 'Breadcrumb', sections: 'Parts of the dossier',
    },
    summary: {
      title: 'Summary', expert: 'Assigned expert', noExpert: 'none yet', none: '—', flags: 'Flags', noFlags: 'none',
    },
    edit: { open: 'Edit', title: 'Edit the dossier', saved: 'Dossier saved.' },
    close: { open: 'Close the dossier', question: 'Close this dossier? It can no longer be changed.', confirm: 'Yes, close it', done: 'Dossier closed.' },
    participantKind: {
      person: 'Person', 'private-third-party': 'Private third party', 'professional-third-party': 'Professional third party', 'internal-user': 'Internal user',
    },
    participantKinds: {
      person: 'Persons', 'private-third-party': 'Private third parties', 'professional-third-party': 'Professional third parties', 'internal-user': 'Internal users',
    },
    roles: { referent: 'referent', expert: 'expert', insured: 'insured', beneficiary: 'beneficiary', broker: 'broker', neighbour: 'neighbour', garage: 'garage', lawyer: 'lawyer', 'social worker': 'social worker' },
    participants: {
      title: 'Participants', add: 'Add a participant', addTitle: 'New participant', kind: 'Kind of participant', user: 'User',
      pickUser: '— choose —', name: 'Name', role: 'Role on the dossier', roleHelp: 'e.g. insured, garage, social worker',
      email: 'E-mail (optional)', phone: 'Phone (optional)', submit: 'Add', none: 'Nobody.',
      remove: 'Remove {{name}}', removeShort: 'Remove', added: '{{name}} added to the dossier.', removed: '{{name}} removed from the dossier.',
    },
    tasks: {
      title: 'Tasks', new: 'New task', newTitle: 'Create a task by hand', created: 'Task “{{title}}” created.', none: 'No task on this dossier.',
      task: 'Task', due: 'Due', holder: 'Held by', origin: 'Origin', anyRole: 'any {{role}}',
      origins: { manual: 'by hand', workflow: 'workflow' },
      taskTitle: 'Task title', form: 'Form', formHelp: 'The planning form lets the holder plan the appointment from the task.',
      noForm: 'no form', holderLegend: 'For whom?', toUser: 'A person', toRole: 'A role (whoever takes it first)',
      assignee: 'Person', candidateRole: 'Role', dueAt: 'Due ({{zone}}, optional)', submit: 'Create the task',
    },
    appointments: {
      title: 'Appointments', new: 'New appointment', counts: 'Appointment counts',
      planned_one: '{{count}} planned', planned_other: '{{count}} planned', toPlan_one: '{{count}} to plan', toPlan_other: '{{count}} to plan',
      done_one: '{{count}} done', done_other: '{{count}} done', cancelled_one: '{{count}} cancelled', cancelled_other: '{{count}} cancelled',
      none: 'No appointment.', appointment: 'Appointment', when: 'When ({{zone}})', mainUser: 'Main user', notPlanned: 'not planned yet',
    },
    exchanges: { title: 'Exchanges', none: 'No exchange recorded.', with: 'With: {{names}}' },
    documents: { title: 'Documents', none: 'No document attached to the appointments.', file: 'File', appointment: 'Appointment', size: 'Size', uploadedAt: 'Added on' },
    instances: {
      title: 'Workflows', none: 'No workflow runs on this dossier.', process: 'Workflow (version)', incidents: 'Incidents', startedAt: 'Started on',
      version: '{{key}} v{{version}}', openIncidents_one: '{{count}} open incident', openIncidents_other: '{{count}} open incidents',
      status: { running: 'running', completed: 'completed', terminated: 'terminated', cancelled: 'cancelled', failed: 'failed' },
    },
  },
};
