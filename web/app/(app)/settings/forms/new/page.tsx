import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import type { FormField } from '@/lib/api';
import { FormEditor } from '../form-editor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forms'))('new') };
}

export default async function NewFormPage() {
  const t = await getTranslations('forms');
  // The starting fields are the visitor's words, so they start in the admin's language.
  const starter: FormField[] = [
    { name: 'name', label: t('starter.name'), type: 'text', required: false },
    { name: 'email', label: t('starter.email'), type: 'email', required: true },
    { name: 'message', label: t('starter.message'), type: 'textarea', required: true },
  ];
  return (
    <>
      <PageHeader
        title={t('new')}
        description={
          <Link href="/settings/forms" className="hover:underline">
            {t('back')}
          </Link>
        }
      />
      <div className="max-w-3xl p-6">
        <FormEditor initial={{ name: t('starter.formName'), fields: starter }} />
      </div>
    </>
  );
}
