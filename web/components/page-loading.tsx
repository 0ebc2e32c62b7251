import { useTranslations } from 'next-intl';

/**
 * The loading state of a page. Loading boundaries sit at the leaves only: a boundary above a role
 * check would start streaming before the check, and the 403 or 404 would go out with status 200.
 */
export function PageLoading() {
  const t = useTranslations('pages');
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-3 p-6">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-6 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-72 animate-pulse rounded bg-slate-100" />
      <div className="mt-4 h-40 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
