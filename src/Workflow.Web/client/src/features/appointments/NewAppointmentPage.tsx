// Placeholder until the screen is built.
export default function NewAppointmentPage() {
  return <h1 className="h4">NewAppointmentPage</h1>;
}
