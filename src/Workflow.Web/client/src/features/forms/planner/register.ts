// Registers the planning step ("appointmentPlanner" component) with Form.io. Placeholder until the step is built:
// the task form's wrapper calls it before rendering any form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerAppointmentPlanner(_formio: any): void {}
