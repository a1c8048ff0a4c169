// Placeholder until the screen is built.
export default function DesignerPage() {
  return <h1 className="h4">DesignerPage</h1>;
}
