// Placeholder until the screen is built.
export default function AppointmentPage() {
  return <h1 className="h4">AppointmentPage</h1>;
}
