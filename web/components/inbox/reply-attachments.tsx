'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';

/** A file on its way into a reply: uploading, uploaded (with its id), or refused (with the API's reason). */
export interface PendingAttachment {
  key: string;
  name: string;
  size: number;
  inline: boolean;
  /** 0 to 100 while uploading. */
  progress: number;
  attachmentId: string | null;
  error: string | null;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files'); // not words for people

/**
 * The files of the reply being written. Each goes to POST /api/uploads on its own as soon as it is
 * added (button, drop, paste), so the size limits are the API's and its refusal shows beside the file;
 * the reply then names the uploads. The drop and paste handlers go on the composer's container, not
 * on the text box, so they work whatever editor the composer holds.
 */
export function useReplyAttachments() {
  const t = useTranslations('composer.attachments');
  const [files, setFiles] = useState<PendingAttachment[]>([]);
  const [dragging, setDragging] = useState(false);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const dragDepth = useRef(0);

  const update = (key: string, change: Partial<PendingAttachment>) => setFiles((all) => all.map((file) => (file.key === key ? { ...file, ...change } : file)));

  const add = useCallback((list: Iterable<File>, inline = false) => {
    for (const file of list) {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const name = file.name || (inline ? `pasted-image.${file.type.split('/')[1] ?? 'png'}` : 'file');
      setFiles((all) => [...all, { key, name, size: file.size, inline, progress: 0, attachmentId: null, error: null }]);
      const body = new FormData();
      body.append('inline', inline ? 'true' : 'false');
      body.append('file', file, name);
      const request = new XMLHttpRequest();
      requests.current.set(key, request);
      request.open('POST', '/api/uploads');
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) update(key, { progress: Math.round((event.loaded / event.total) * 100) });
      };
      request.onload = () => {
        requests.current.delete(key);
        let answer: { attachmentId?: string; message?: string } = {};
        try {
          answer = JSON.parse(request.responseText) as typeof answer;
        } catch {
          // A proxy's page rather than the API's answer: the status says enough.
        }
        if (request.status === 201 && answer.attachmentId) update(key, { progress: 100, attachmentId: answer.attachmentId });
        else update(key, { error: answer.message ?? t('refused', { status: request.status }) });
      };
      request.onerror = () => {
        requests.current.delete(key);
        update(key, { error: t('lost') });
      };
      request.send(body);
    }
  }, [t]);

  const remove = (key: string) => {
    requests.current.get(key)?.abort();
    requests.current.delete(key);
    setFiles((all) => all.filter((file) => file.key !== key));
  };
  const clear = useCallback(() => {
    for (const request of requests.current.values()) request.abort();
    requests.current.clear();
    setFiles([]);
  }, []);

  useEffect(() => {
    const open = requests.current;
    return () => {
      for (const request of open.values()) request.abort();
    };
  }, []);

  /** Spread onto the composer's container. */
  const dropTarget = {
    onDragEnter: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dragDepth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      dragDepth.current = 0;
      setDragging(false);
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      add(Array.from(event.dataTransfer.files));
    },
    onPaste: (event: ClipboardEvent) => {
      // Pasted images go into the reply itself; pasted text is left to the editor.
      const images = Array.from(event.clipboardData?.files ?? []).filter((file) => file.type.startsWith('image/'));
      if (images.length === 0) return;
      event.preventDefault();
      add(images, true);
    },
  };

  return {
    files,
    dragging,
    add,
    remove,
    clear,
    dropTarget,
    uploading: files.some((file) => !file.attachmentId && !file.error),
    attachmentIds: files.filter((file) => file.attachmentId).map((file) => file.attachmentId as string),
  };
}

/** A file's size in the unit that suits it, for the `composer.attachments.size` message (which writes the number in the reader's language). */
export function fileSize(bytes: number): { value: number; unit: 'b' | 'kb' | 'mb' } {
  if (bytes < 1024) return { value: bytes, unit: 'b' };
  if (bytes < 1024 * 1024) return { value: Math.ceil(bytes / 1024), unit: 'kb' };
  return { value: Math.round((bytes / (1024 * 1024)) * 10) / 10, unit: 'mb' };
}

/** The "Attach" button: a labelled file input that takes several files. */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const t = useTranslations('composer.attachments');
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        className="rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      >
        {t('attach')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        aria-label={t('attachFiles')}
        className="sr-only"
        tabIndex={-1}
        data-testid="attach-input"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
    </>
  );
}

/** The reply's files: name, size, progress or the API's refusal, and a way to take each one off. */
export function AttachmentChips({ files, onRemove }: { files: PendingAttachment[]; onRemove: (key: string) => void }) {
  const t = useTranslations('composer.attachments');
  if (files.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 border-t border-slate-100 px-4 py-2" aria-label={t('files')}>
      {files.map((file) => (
        <li
          key={file.key}
          className={`flex max-w-full items-center gap-2 rounded-md border px-2 py-1 text-sm ${file.error ? 'border-rose-200 bg-rose-50' : 'border-slate-200 bg-slate-50'}`}
          data-testid="attachment-chip"
          data-state={file.error ? 'refused' : file.attachmentId ? 'uploaded' : 'uploading'}
        >
          <span className="truncate font-medium text-slate-800">{file.name}</span>
          <span className="text-slate-500">{t('size', fileSize(file.size))}</span>
          {file.inline ? <span className="rounded bg-slate-200 px-1 text-xs text-slate-700">{t('inline')}</span> : null}
          {!file.attachmentId && !file.error ? (
            <progress className="h-1.5 w-16" max={100} value={file.progress} aria-label={t('uploading', { name: file.name })} />
          ) : null}
          {file.error ? (
            <span role="alert" className="text-rose-700">
              {file.error}
            </span>
          ) : null}
          <button type="button" onClick={() => onRemove(file.key)} aria-label={t('remove', { name: file.name })} className="rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800">
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
