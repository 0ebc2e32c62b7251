// This file holds no words for people. (The snippets' words come in from the catalogue.)
import type { FormField } from './api';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const INPUT_TYPES: Record<FormField['type'], string> = { text: 'text', email: 'email', tel: 'tel', textarea: '', select: '' };

/** The control for one field, as plain HTML another site can paste. */
function control(field: FormField, id: string): string {
  const required = field.required ? ' required' : '';
  if (field.type === 'textarea') return `<textarea id="${id}" name="${field.name}" rows="5"${required}></textarea>`;
  if (field.type === 'select') {
    const options = (field.options ?? []).map((o) => `<option>${escape(o)}</option>`).join('');
    return `<select id="${id}" name="${field.name}"${required}><option value=""></option>${options}</select>`;
  }
  return `<input id="${id}" name="${field.name}" type="${INPUT_TYPES[field.type]}"${required}>`;
}

/** The snippets' own words, in the language of the admin who copies them. */
export interface EmbedWords {
  send: string;
  thanks: string;
  failed: string;
}

/**
 * The form as HTML that works on any site without a script (the browser posts it, the API
 * redirects to the hosted thank-you page), plus an optional script that sends it in place instead.
 */
export function embedSnippets(
  origin: string,
  form: { id: string; fields: FormField[]; honeypotField?: string },
  words: EmbedWords,
): { html: string; script: string } {
  const action = `${origin}/api/forms/${form.id}/submissions`;
  const honeypot = form.honeypotField ?? '_website';
  const fields = form.fields
    .map((field) => {
      const id = `inbox-${form.id.slice(0, 8)}-${field.name}`;
      return `  <p>\n    <label for="${id}">${escape(field.label)}${field.required ? ' *' : ''}</label><br>\n    ${control(field, id)}\n  </p>`;
    })
    .join('\n');
  const html = [
    `<form id="inbox-form-${form.id.slice(0, 8)}" action="${action}" method="post">`,
    fields,
    `  <div style="position:absolute;left:-10000px" aria-hidden="true"><input name="${honeypot}" tabindex="-1" autocomplete="off"></div>`,
    `  <button type="submit">${escape(words.send)}</button>`,
    '</form>',
  ].join('\n');
  const script = [
    '<script>',
    `document.getElementById('inbox-form-${form.id.slice(0, 8)}').addEventListener('submit', async function (event) {`,
    '  event.preventDefault();',
    '  const form = event.currentTarget;',
    "  const response = await fetch(form.action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Object.fromEntries(new FormData(form))) });",
    `  if (response.ok) form.outerHTML = ${JSON.stringify(`<p role="status">${escape(words.thanks)}</p>`)};`,
    `  else alert(${JSON.stringify(words.failed)});`,
    '});',
    '</script>',
  ].join('\n');
  return { html, script };
}
