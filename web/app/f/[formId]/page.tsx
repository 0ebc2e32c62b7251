import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getPublicForm, type FormField } from '@/lib/api';
import type { ErrorsTranslator } from '@/lib/refusal-message';
import { submissionError } from '@/lib/submission-errors';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicForm'))('title'), robots: { index: false } };
}

const control =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-rose-500';

/**
 * A form's hosted page: a plain HTML form that posts straight to the API, so it works without any
 * script; the API sends the visitor back here with `sent=1`, or with the refusal's code and field.
 * Deliberately without a loading boundary: streamed content is swapped in by a script, and this
 * page must render for visitors who run none.
 */
export default async function HostedFormPage({
  params,
  searchParams,
}: {
  params: Promise<{ formId: string }>;
  searchParams: Promise<{ sent?: string; error?: string; field?: string }>;
}) {
  const [{ formId }, { sent, error, field }] = await Promise.all([params, searchParams]);
  const form = await getPublicForm(formId);
  if (!form) notFound();
  const t = await getTranslations('publicForm');
  const errors = (await getTranslations('errors')) as unknown as ErrorsTranslator;
  const problem = submissionError(error, field, form.fields.map((f) => f.name), errors);
  return (
    <Card>
      <h1 className="text-xl font-semibold tracking-tight">{form.name}</h1>
      {sent ? (
        <div role="status" className="flex flex-col gap-2">
          <p className="text-base font-medium text-emerald-700">{t('thanks')}</p>
          <p className="text-sm text-slate-600">{t('answerByEmail')}</p>
          <a href={`/f/${form.id}`} className="text-sm font-medium text-brand-600 hover:underline">
            {t('another')}
          </a>
        </div>
      ) : (
        <form action={`/api/forms/${form.id}/submissions`} method="post" className="flex flex-col gap-4">
          {problem && !problem.field ? (
            <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
              {problem.message}
            </p>
          ) : null}
          {form.fields.map((f) => (
            <Field key={f.name} field={f} choose={t('choose')} error={problem && f.name === problem.field ? problem.message : undefined} />
          ))}
          {/* Bots fill every input they find; people never see this one. */}
          <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
            <label>
              {t('honeypot')}
              <input name={form.honeypotField} tabIndex={-1} autoComplete="off" defaultValue="" />
            </label>
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('send')}
          </button>
        </form>
      )}
    </Card>
  );
}

function Card({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="flex w-full max-w-lg flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
    </main>
  );
}

function Field({ field, choose, error }: { field: FormField; choose: string; error?: string }) {
  const id = `field-${field.name}`;
  const common = { id, name: field.name, required: field.required, 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined, className: control };
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {field.label}
        {field.required ? <span className="text-rose-600"> *</span> : null}
      </label>
      {field.type === 'textarea' ? (
        <textarea rows={5} {...common} />
      ) : field.type === 'select' ? (
        <select defaultValue="" {...common}>
          <option value="" disabled={field.required}>
            {choose}
          </option>
          {(field.options ?? []).map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input type={field.type} autoComplete={field.type === 'email' ? 'email' : field.name === 'name' ? 'name' : undefined} {...common} />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
