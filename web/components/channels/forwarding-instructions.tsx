/** Step-by-step forwarding set-up at the two providers most teams use. */
export function ForwardingInstructions({ address }: { address: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="gmail-steps" className="rounded-md border border-slate-200 p-4">
        <h3 id="gmail-steps" className="mb-2 text-sm font-semibold">
          Gmail or Google Workspace
        </h3>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>In Gmail, open Settings (gear) → See all settings → Forwarding and POP/IMAP.</li>
          <li>
            Click <em>Add a forwarding address</em> and enter <span className="font-mono">{address}</span>.
          </li>
          <li>Gmail sends a confirmation mail to that address: its code and link appear on this page when it arrives.</li>
          <li>Enter the code in Gmail (or open the link), then choose <em>Forward a copy of incoming mail</em> and save.</li>
        </ol>
      </section>
      <section aria-labelledby="outlook-steps" className="rounded-md border border-slate-200 p-4">
        <h3 id="outlook-steps" className="mb-2 text-sm font-semibold">
          Outlook or Microsoft 365
        </h3>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>In Outlook on the web, open Settings → Mail → Forwarding.</li>
          <li>
            Turn on <em>Enable forwarding</em> and enter <span className="font-mono">{address}</span>.
          </li>
          <li>Tick <em>Keep a copy of forwarded messages</em>, then Save.</li>
          <li>In Microsoft 365, an admin may have to allow external forwarding (outbound spam policy).</li>
        </ol>
      </section>
    </div>
  );
}
