import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DocumentLanguage } from '@/components/i18n/document-language';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('productName'), template: t('titleTemplate', { page: '%s' }) },
    description: t('productDescription'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page is rendered per request: its scripts carry that request's CSP nonce (see proxy.ts),
// which a page prerendered at build time could not.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The request's language and messages reach client components from here. */}
        <NextIntlClientProvider>
          <DocumentLanguage />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
