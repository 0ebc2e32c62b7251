import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Outside the app's shell the message is the page's main landmark; inside it, the shell holds that. */
export default async function NotFound({ landmark = true }: { landmark?: boolean }) {
  const t = await getTranslations('pages');
  const Container = landmark ? 'main' : 'div';
  return (
    <Container className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">{t('notFound.heading')}</h1>
      <p className="text-slate-600">{t('notFound.body')}</p>
      <Link className="font-medium text-brand-600 underline-offset-4 hover:underline" href="/">
        {t('notFound.back')}
      </Link>
    </Container>
  );
}
