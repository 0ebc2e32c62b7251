'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { previewEmail, saveEmailTemplates } from '@/app/actions/channels.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { SignatureField } from '@/components/ui/signature-field';
import type { EmailPreview } from '@/lib/api';
import { EmailPreviewPane } from './email-preview-pane';
import { TemplateField } from './template-field';

const TIMESTAMP = '{{conversation_started_at}}';
const AGENT_NAME = '{{agent_name}}';

/**
 * The channel's subject, from name and signature, with the live preview beside them. The preview is
 * rendered again whenever what it shows changes: the typing, and the saved forwarding address (a
 * claim elsewhere on the page changes the from line without changing any field here).
 */
export function EmailTemplatesEditor({
  defaultSubject,
  fromName,
  signature,
  forwardingAddress,
  variables,
}: {
  defaultSubject: string;
  fromName: string;
  signature: string;
  forwardingAddress: string | null;
  variables: string[];
}) {
  const [subject, setSubject] = useState(defaultSubject);
  const [from, setFrom] = useState(fromName);
  const [sig, setSig] = useState(signature);
  const [preview, setPreview] = useState<EmailPreview | null>(null);
  const [previewError, setPreviewError] = useState<{ message: string; field?: string }>();
  const [state, save, saving] = useActionState(saveEmailTemplates, initialFormState);
  const t = useTranslations('channels');

  // The preview follows the typing, rendered by the API with the same code as real sends, and what
  // is saved: the forwarding address (claimed elsewhere on the page changes the from line without
  // touching a field here) and, after a Save, the channel as it now stands.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const result = await previewEmail(subject, from, sig);
      if (!current) return;
      if (result.ok) {
        setPreview(result.preview);
        setPreviewError(undefined);
      } else setPreviewError({ message: result.message, field: result.field });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [subject, from, sig, forwardingAddress, defaultSubject, fromName, signature]);

  const errorFor = (field: string) =>
    state.field === field ? state.message : previewError?.field === field ? previewError.message : undefined;
  const dirty = subject !== defaultSubject || from !== fromName || sig.replace(/\s+$/, '') !== signature;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <form action={save} className="flex flex-col gap-5">
        <TemplateField
          label={t('templates.defaultSubject')}
          name="defaultSubject"
          value={subject}
          onChange={setSubject}
          token={TIMESTAMP}
          tokenLabel={t('templates.timestamp')}
          tokenName={t('templates.timestampName')}
          addLabel={t('templates.addTimestamp')}
          error={errorFor('defaultSubject')}
        />
        <TemplateField
          label={t('templates.fromName')}
          name="fromName"
          value={from}
          onChange={setFrom}
          token={AGENT_NAME}
          tokenLabel={t('templates.agentName')}
          tokenName={t('templates.agentNameName')}
          addLabel={t('templates.addAgentName')}
          error={errorFor('fromName')}
        />
        <p className="text-xs text-slate-500">
          {t('templates.explainer')}
        </p>
        <SignatureField
          id="channel-signature"
          name="signature"
          label={t('templates.signature')}
          value={sig}
          onChange={setSig}
          variables={variables}
          hint={t('templates.signatureHint')}
          error={errorFor('signature')}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={saving}>
            {saving ? t('saving') : t('save')}
          </Button>
          {state.done && !dirty ? (
            <span role="status" className="text-sm text-emerald-700">
              {t('saved')}
            </span>
          ) : null}
          {state.message && !state.field && !state.done ? (
            <span role="alert" className="text-sm text-rose-600">
              {state.message}
            </span>
          ) : null}
        </div>
      </form>
      <EmailPreviewPane preview={preview} error={previewError && !previewError.field ? previewError.message : undefined} />
    </div>
  );
}
