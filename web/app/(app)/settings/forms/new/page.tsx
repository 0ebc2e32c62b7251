import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { FormEditor, STARTER_FIELDS } from '../form-editor';

export const metadata: Metadata = { title: 'New form' };

export default function NewFormPage() {
  return (
    <>
      <PageHeader
        title="New form"
        description={
          <Link href="/settings/forms" className="hover:underline">
            ← Forms
          </Link>
        }
      />
      <div className="max-w-3xl p-6">
        <FormEditor initial={{ name: 'Contact us', fields: STARTER_FIELDS }} />
      </div>
    </>
  );
}
