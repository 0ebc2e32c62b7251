import type { SystemStatus } from '@/lib/api';

const SHOWN: Record<SystemStatus['status'], { up: boolean; detail: string }> = {
  ok: { up: true, detail: 'running' },
  degraded: { up: true, detail: 'running; some events are set aside for an operator' },
  down: { up: false, detail: 'not available' },
};

export function StatusList({ status }: { status: SystemStatus }) {
  const shown = SHOWN[status.status] ?? SHOWN.down;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="System status">
      <li className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
        <span className="flex items-center gap-2 font-medium">
          <span aria-hidden className={`size-2 rounded-full ${shown.up ? 'bg-emerald-500' : 'bg-rose-500'}`} />
          Inbox
        </span>
        <span className="text-slate-500">
          <span className="sr-only">{shown.up ? 'up, ' : 'down, '}</span>
          {shown.detail}
        </span>
      </li>
    </ul>
  );
}
