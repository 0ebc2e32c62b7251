import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { CopyButton } from '@/components/ui/copy-button';
import { getForm } from '@/lib/api';
import { embedSnippets } from '@/lib/form-embed';
import { publicOrigin } from '@/lib/public-origin';
import { FormEditor } from '../form-editor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forms'))('formTitle') };
}

export default async function FormPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const form = await getForm(id);
  if (!form) notFound();
  const origin = await publicOrigin();
  const hosted = `${origin}/f/${form.id}`;
  const t = await getTranslations('forms');
  const { html, script } = embedSnippets(origin, form, { send: t('embed.send'), thanks: t('embed.thanks'), failed: t('embed.failed') });
  return (
    <>
      <PageHeader
        title={form.name}
        description={
          <>
            {t.rich('backWithSubmissions', {
              submissions: form.submissions,
              link: (chunks) => (
                <Link href="/settings/forms" className="hover:underline">
                  {chunks}
                </Link>
              ),
            })}
          </>
        }
        actions={
          <a href={hosted} target="_blank" rel="noreferrer" className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium hover:bg-slate-50" data-testid="hosted-link">
            {t('openHosted')}
          </a>
        }
      />
      <div className="grid gap-6 p-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="editor-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="editor-heading" className="mb-4 text-base font-semibold">
            {t('fields')}
          </h2>
          {created ? (
            <p role="status" className="mb-4 text-sm text-emerald-700">
              {t('created')}
            </p>
          ) : null}
          <FormEditor formId={form.id} initial={form} />
        </section>
        <section aria-labelledby="embed-heading" className="flex min-w-0 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="embed-heading" className="text-base font-semibold">
            {t('share')}
          </h2>
          <div className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t('hosted')}</span>
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1">{hosted}</code>
              <CopyButton value={hosted} label={t('copyLink')} />
            </div>
          </div>
          <Snippet title={t('htmlSnippet')} copy={t('copy')} code={html} />
          <Snippet title={t('scriptSnippet')} copy={t('copy')} code={script} />
        </section>
      </div>
    </>
  );
}

function Snippet({ title, copy, code }: { title: string; copy: string; code: string }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium text-slate-700">{title}</span>
        <CopyButton value={code} label={copy} />
      </div>
      <pre tabIndex={0} className="max-h-64 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600" data-testid="embed-snippet">
        {code}
      </pre>
    </div>
  );
}
