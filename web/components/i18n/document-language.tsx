'use client';

import { useLocale } from 'next-intl';
import { useEffect } from 'react';

/**
 * Keeps `<html lang>` on the language the page speaks: a refresh after the user picks another
 * language renders the page anew, but the root element's attributes stay as first served.
 */
export function DocumentLanguage() {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}
