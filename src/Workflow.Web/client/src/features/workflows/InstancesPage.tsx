// Placeholder until the screen is built.
export default function InstancesPage() {
  return <h1 className="h4">InstancesPage</h1>;
}
