import { useTranslations } from 'next-intl';
import type { SystemStatus } from '@/lib/api';

const UP: Record<SystemStatus['status'], boolean> = { ok: true, degraded: true, down: false };

export function StatusList({ status }: { status: SystemStatus }) {
  const t = useTranslations('pages.start.list');
  const state = status.status in UP ? status.status : 'down';
  const up = UP[state];
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={t('label')}>
      <li className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
        <span className="flex items-center gap-2 font-medium">
          <span aria-hidden className={`size-2 rounded-full ${up ? 'bg-emerald-500' : 'bg-rose-500'}`} />
          {t('name')}
        </span>
        <span className="text-slate-500">
          <span className="sr-only">{up ? t('up') : t('down')}</span>
          {t(`detail.${state}`)}
        </span>
      </li>
    </ul>
  );
}
