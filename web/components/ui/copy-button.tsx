'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from './button';

/** Copies a value to the clipboard and says so; where the clipboard is refused, says that instead. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations('ui');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <Button type="button" variant="secondary" onClick={copy} aria-live="polite">
      {state === 'copied' ? t('copied') : state === 'failed' ? t('selectAndCopy') : (label ?? t('copy'))}
    </Button>
  );
}
