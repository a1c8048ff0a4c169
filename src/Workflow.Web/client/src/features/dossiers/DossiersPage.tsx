// Placeholder until the screen is built.
export default function DossiersPage() {
  return <h1 className="h4">DossiersPage</h1>;
}
