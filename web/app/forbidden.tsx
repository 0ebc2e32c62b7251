import Link from 'next/link';

// Only the signed-in pages refuse by role, so this shows inside the app's shell and its main landmark.

export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="text-2xl font-semibold">You may not open this page</h1>
      <p className="text-slate-600">Your role does not include it. An admin of your account can change your role.</p>
      <Link className="font-medium text-brand-600 underline-offset-4 hover:underline" href="/inbox">
        Back to the inbox
      </Link>
    </div>
  );
}
