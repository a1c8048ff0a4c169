// The planning step as a Form.io component ("appointmentPlanner"): Form.io keeps the value and runs the
// required check; the step itself is our React PlanningStep, mounted in the component's element. The value
// is what the server's planner check reads: the characteristics from the earlier fields and the choice.
import { createRoot, type Root } from 'react-dom/client';
import { createElement } from 'react';
import { PlannerRoot } from './PlannerRoot';
import { readCharacteristics, reconcile, makeValue, type PlannerMode, type PlannerValue, type Choice } from './value';
import type { WorkflowContext } from '../FormioForm';
import type { FormData } from '../api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function registerAppointmentPlanner(Formio: Any): void {
  if (Formio.Components.components.appointmentPlanner) return;
  const Field = Formio.Components.components.field;

  class AppointmentPlanner extends Field {
    static schema(...extend: Any[]) {
      return Field.schema({ type: 'appointmentPlanner', label: 'Planning', key: 'planning', input: true, mainUser: 'expert' }, ...extend);
    }

    static get builderInfo() {
      return { title: 'Appointment planner', group: 'advanced', icon: 'calendar', weight: 70, schema: AppointmentPlanner.schema() };
    }

    private reactRoot: Root | null = null;
    private listening = false;
    /** The server's words on the chosen slot after a refused submission, until another slot is chosen. */
    private serverMessage: string | null = null;

    get defaultSchema() { return AppointmentPlanner.schema(); }

    get emptyValue() { return null; }

    get mode(): PlannerMode { return (this as Any).component.mainUser === 'referent' ? 'referent' : 'expert'; }

    render() {
      return super.render('<div ref="planner" class="appointment-planner"></div>');
    }

    attach(element: HTMLElement) {
      (this as Any).loadRefs(element, { planner: 'single' });
      const attached = super.attach(element);
      const host = (this as Any).refs.planner as HTMLElement | undefined;
      if (host) {
        this.reactRoot?.unmount();
        this.reactRoot = createRoot(host);
        this.show();
      }
      if (!this.listening) {
        this.listening = true;
        (this as Any).on('change', () => this.characteristicsChanged());
      }
      return attached;
    }

    detach() {
      const r = this.reactRoot;
      this.reactRoot = null;
      // Unmounting while Form.io redraws synchronously inside a React render would warn: defer it.
      if (r) setTimeout(() => r.unmount(), 0);
      return super.detach();
    }

    getValue() { return (this as Any).dataValue; }

    setValue(value: PlannerValue | null, _flags: object = {}) {
      const self = this as Any;
      const changed = self.hasChanged(value, self.dataValue);
      self.dataValue = value;
      this.show();
      return changed;
    }

    formData(): FormData { const self = this as Any; return (self.root?.data ?? self.data ?? {}) as FormData; }

    characteristicsChanged() {
      const self = this as Any;
      if (self.options.readOnly) { this.show(); return; }
      const current = (self.dataValue ?? null) as PlannerValue | null;
      const next = reconcile(current, readCharacteristics(this.formData()).value, this.mode);
      if (self.hasChanged(next, current)) self.updateValue(next, { modified: true });
      this.show();
    }

    /** Called by the page with the server's messages for this field (422 after a submission). */
    setServerErrors(messages: string[]) {
      this.serverMessage = messages.length ? messages.join(' ') : null;
      this.show();
    }

    choose(choice: Choice | null) {
      const self = this as Any;
      if (choice) this.serverMessage = null;
      const c = readCharacteristics(this.formData()).value;
      self.updateValue(choice && c ? makeValue(c, this.mode, choice) : null, { modified: true });
      self.setCustomValidity?.([], true);
      this.show();
    }

    show() {
      if (!this.reactRoot) return;
      const self = this as Any;
      const { value, missing } = readCharacteristics(this.formData());
      const context = (self.options.workflow ?? {}) as WorkflowContext;
      this.reactRoot.render(createElement(PlannerRoot, {
        mode: this.mode,
        label: self.t(self.component.label),
        context,
        characteristics: value,
        missing,
        value: (self.dataValue ?? null) as PlannerValue | null,
        readOnly: !!self.options.readOnly || !!self.disabled,
        serverError: this.serverMessage,
        onChoose: (choice: Choice | null) => this.choose(choice),
      }));
    }
  }

  Formio.Components.addComponent('appointmentPlanner', AppointmentPlanner);
}
