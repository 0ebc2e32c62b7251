import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Disclosure } from '@/components/ui/disclosure';

/**
 * The inbox's tag filter: a disclosure listing the account's tags, each with its open conversations,
 * as links (no script needed; the other filters and the search stay as they are).
 */
export async function TagFilter({ current, options, clearHref }: { current: string; options: Array<{ name: string; count: string; href: string }>; clearHref: string }) {
  if (options.length === 0 && !current) return null;
  const t = await getTranslations('inbox.tagFilter');
  return (
    <Disclosure className="relative py-2" data-testid="tag-filter">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
        {current ? t('current', { tag: current }) : t('all')} <span aria-hidden>▾</span>
      </summary>
      <nav aria-label={t('label')} className="absolute right-0 z-20 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        <ul>
          <li>
            <Link href={clearHref} aria-current={!current ? 'page' : undefined} className="block px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
              {t('all')}
            </Link>
          </li>
          {options.map((option) => (
            <li key={option.name}>
              <Link
                href={option.href}
                aria-current={option.name.toLocaleLowerCase() === current.toLocaleLowerCase() ? 'page' : undefined}
                className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 aria-[current=page]:font-semibold"
              >
                <span className="truncate">{option.name}</span>
                <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600 tabular-nums" title={t('openCount')}>
                  {option.count}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </Disclosure>
  );
}
