// Placeholder until the screen is built.
export default function DossierPage() {
  return <h1 className="h4">DossierPage</h1>;
}
