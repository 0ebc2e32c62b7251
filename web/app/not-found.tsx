import Link from 'next/link';

/** Outside the app's shell the message is the page's main landmark; inside it, the shell holds that. */
export default function NotFound({ landmark = true }: { landmark?: boolean }) {
  const Container = landmark ? 'main' : 'div';
  return (
    <Container className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">There is nothing here</h1>
      <p className="text-slate-600">The page does not exist, or it belongs to another account.</p>
      <Link className="font-medium text-brand-600 underline-offset-4 hover:underline" href="/">
        Go to the start page
      </Link>
    </Container>
  );
}
