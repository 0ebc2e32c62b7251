export default function Loading() {
  return (
    <div role="status" className="mx-auto max-w-3xl px-6 py-16 text-slate-500">
      Loading…
    </div>
  );
}
