// The planning step of a task's form: a Form.io component ("appointmentPlanner") that shows the
// experts who fit the dossier (GET /dossiers/{id}/experts) and their agendas side by side
// (GET /agendas), lets the planner pick a free slot, and stores the value the server checks at
// submission: period, duration, place, concerned parties, main user and slot.
// Loaded after formio.full.min.js, which defines the global Formio.
const Field = Formio.Components.components.field;

const escape = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const iso = (v) => (v ? new Date(v).toISOString() : null);
const when = (v) => new Date(v).toLocaleString('fr-BE', { weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' });
const hour = (v) => new Date(v).toLocaleTimeString('fr-BE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' });

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${(await response.json().catch(() => ({}))).detail ?? ''}`.trim());
  return response.json();
}

export class AppointmentPlanner extends Field {
  static schema(...extend) {
    return Field.schema({ type: 'appointmentPlanner', label: 'Planning', key: 'planning', input: true, mainUser: 'expert' }, ...extend);
  }

  static get builderInfo() {
    return { title: 'Appointment planner', group: 'advanced', icon: 'calendar', weight: 70, schema: AppointmentPlanner.schema() };
  }

  get defaultSchema() { return AppointmentPlanner.schema(); }

  get emptyValue() { return null; }

  render() {
    return super.render(`<div ref="planner" class="appointment-planner">
      <p ref="status" class="planner-status" role="status">Loading the agendas…</p>
      <div ref="people" class="planner-people"></div>
      <p ref="chosen" class="planner-chosen"></p>
    </div>`);
  }

  attach(element) {
    this.loadRefs(element, { planner: 'single', status: 'single', people: 'single', chosen: 'single' });
    const attached = super.attach(element);
    this.showChosen();
    this.load();
    return attached;
  }

  getValue() { return this.dataValue; }

  setValue(value, flags = {}) {
    const changed = this.hasChanged(value, this.dataValue);
    this.dataValue = value;
    this.showChosen();
    return changed;
  }

  /** What the earlier pages of the form say about the appointment. */
  characteristics() {
    const d = this.root?.data ?? this.data ?? {};
    const context = this.options.workflow ?? {};
    return {
      dossierId: context.dossierId ?? d.dossierId,
      referentId: context.referentId,
      periodFrom: iso(d.periodFrom),
      periodTo: iso(d.periodTo),
      durationMinutes: Number(d.durationMinutes) || 60,
      locationId: d.locationId || null,
      address: d.address ? { text: d.address, latitude: d.latitude ?? null, longitude: d.longitude ?? null } : null,
      participantIds: Array.isArray(d.participantIds) ? d.participantIds : [],
      userIds: Array.isArray(d.userIds) ? d.userIds : [],
    };
  }

  async load() {
    const c = this.characteristics();
    if (!c.dossierId || !c.periodFrom || !c.periodTo) {
      this.refs.status.textContent = 'Give the period of the appointment first.';
      return;
    }
    const period = `from=${encodeURIComponent(c.periodFrom)}&to=${encodeURIComponent(c.periodTo)}`;
    try {
      const referentMode = this.component.mainUser === 'referent';
      const people = referentMode
        ? [{ userId: c.referentId, fullName: 'Référent du dossier / dossier referent' }]
        : await getJson(`/dossiers/${c.dossierId}/experts?${period}&duration=${c.durationMinutes}&slots=5${c.locationId ? `&locationId=${c.locationId}` : ''}`);
      if (people.length === 0) {
        this.refs.status.textContent = 'No expert fits this dossier in the period. Widen the period or change the duration.';
        return;
      }
      const place = c.address?.latitude != null ? `&latitude=${c.address.latitude}&longitude=${c.address.longitude}` : '';
      const agendas = await getJson(`/agendas?users=${people.map((p) => p.userId).join(',')}&${period}&slotMinutes=${c.durationMinutes}${place}`);
      this.refs.status.textContent = referentMode ? 'Pick a slot in the agenda.' : `${people.length} expert(s) fit. Pick a slot in one agenda.`;
      this.refs.people.innerHTML = people.map((p) => this.personHtml(p, agendas.find((a) => a.userId === p.userId))).join('');
      this.refs.people.querySelectorAll('button.planner-slot').forEach((button) =>
        this.addEventListener(button, 'click', (event) => {
          event.preventDefault();
          this.choose(c, button.dataset.userId, button.dataset.start, button.dataset.end, button.dataset.name);
        }));
      this.showChosen();
    } catch (error) {
      this.refs.status.textContent = `The agendas could not be loaded: ${error.message}`;
    }
  }

  personHtml(person, agenda) {
    const ranges = (agenda?.ranges ?? []).map((r) => `<li class="planner-range">${escape(when(r.start))}–${escape(hour(r.end))} ${escape(r.locationName ?? '')}</li>`).join('');
    const busy = (agenda?.appointments ?? []).concat(agenda?.external ?? [])
      .map((a) => `<li class="planner-busy">${escape(when(a.start))}–${escape(hour(a.end))} ${escape(a.title ?? 'Busy')}</li>`).join('');
    const slots = (agenda?.freeSlots ?? []).slice(0, 16).map((s) => `<button type="button" class="btn btn-outline-primary btn-sm planner-slot"
        data-user-id="${escape(person.userId)}" data-name="${escape(person.fullName)}" data-start="${escape(s.start)}" data-end="${escape(s.end)}">${escape(when(s.start))}</button>`).join(' ');
    const score = person.score != null ? ` · score ${Math.round(person.score)}` : '';
    const distance = person.distanceKm != null ? ` · ${Math.round(person.distanceKm)} km` : '';
    return `<section class="planner-person" data-user-id="${escape(person.userId)}">
      <h4>${escape(person.fullName)}${person.alreadyAssigned ? ' (already on the dossier)' : ''}<small>${escape(score + distance)}</small></h4>
      <details><summary>Availability and appointments</summary><ul>${ranges}${busy}</ul></details>
      <div class="planner-slots">${slots || '<em>No free slot in the period.</em>'}</div>
    </section>`;
  }

  choose(c, userId, start, end, name) {
    const value = {
      periodFrom: c.periodFrom, periodTo: c.periodTo, durationMinutes: c.durationMinutes,
      locationId: c.locationId, address: c.address, participantIds: c.participantIds, userIds: c.userIds,
      [this.component.mainUser === 'referent' ? 'mainUserId' : 'expertId']: userId,
      start: new Date(start).toISOString(), end: new Date(end).toISOString(), mainUserName: name,
    };
    this.updateValue(value, { modified: true });
    this.showChosen();
  }

  showChosen() {
    if (!this.refs?.chosen) return;
    const v = this.dataValue;
    this.refs.chosen.textContent = v?.start ? `Chosen: ${v.mainUserName ?? ''} ${when(v.start)}–${hour(v.end)}` : 'No slot chosen yet.';
    this.refs.people?.querySelectorAll('button.planner-slot').forEach((b) =>
      b.classList.toggle('active', !!v && b.dataset.start && new Date(b.dataset.start).toISOString() === v.start
        && b.dataset.userId === (v.expertId ?? v.mainUserId)));
  }
}

Formio.Components.addComponent('appointmentPlanner', AppointmentPlanner);
