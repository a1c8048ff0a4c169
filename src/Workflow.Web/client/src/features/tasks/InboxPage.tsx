// Placeholder until the screen is built.
export default function InboxPage() {
  return <h1 className="h4">InboxPage</h1>;
}
