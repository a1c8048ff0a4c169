// Placeholder until the screen is built.
export default function AgendaPage() {
  return <h1 className="h4">AgendaPage</h1>;
}
