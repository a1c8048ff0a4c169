// Placeholder until the screen is built.
export default function InvitationsPage() {
  return <h1 className="h4">InvitationsPage</h1>;
}
