import type { SystemStatus } from '@/lib/api';

export function StatusList({ status }: { status: SystemStatus }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="System status">
      {status.components.map((component) => (
        <li key={component.name} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
          <span className="flex items-center gap-2 font-medium">
            <span
              aria-hidden
              className={`size-2 rounded-full ${component.up ? 'bg-emerald-500' : 'bg-rose-500'}`}
            />
            {component.name}
          </span>
          <span className="text-slate-500">
            <span className="sr-only">{component.up ? 'up, ' : 'down, '}</span>
            {component.detail}
          </span>
        </li>
      ))}
    </ul>
  );
}
