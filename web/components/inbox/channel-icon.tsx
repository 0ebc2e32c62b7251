import { useTranslations } from 'next-intl';

/** The channel a conversation came through, as a small icon with its name for screen readers. */
export function ChannelIcon({ channel }: { channel: 'email' | 'chat' | 'form' }) {
  const t = useTranslations('inbox.channel');
  return (
    <span className="inline-flex size-5 items-center justify-center text-slate-400" title={t(channel)} data-channel={channel}>
      <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" className="size-4" aria-hidden>
        {channel === 'email' ? (
          <>
            <rect x="2.5" y="4.5" width="15" height="11" rx="1.5" />
            <path d="m3 5.5 7 5 7-5" />
          </>
        ) : channel === 'chat' ? (
          <path d="M4 4.5h12a1.5 1.5 0 0 1 1.5 1.5v6.5a1.5 1.5 0 0 1-1.5 1.5H9l-3.5 3v-3H4a1.5 1.5 0 0 1-1.5-1.5V6A1.5 1.5 0 0 1 4 4.5Z" />
        ) : (
          <>
            <path d="M5.5 2.5h6l3 3v12h-9a1 1 0 0 1-1-1v-13a1 1 0 0 1 1-1Z" />
            <path d="M7.5 9.5h5M7.5 12.5h5M11.5 2.5v3h3" />
          </>
        )}
      </svg>
      <span className="sr-only">{t(channel)}</span>
    </span>
  );
}
