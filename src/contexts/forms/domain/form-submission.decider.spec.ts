import { given } from '../../../shared/domain/decider.testing';
import type { FormDefinition } from './form.decider';
import { formSubmissionDecider, submissionText, type FormSubmissionEvent, type SubmitForm } from './form-submission.decider';

const form: FormDefinition = {
  name: 'Contact us',
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: false },
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'topic', label: 'Topic', type: 'select', required: true, options: ['Billing', 'Shipping'] },
    { name: 'message', label: 'Message', type: 'textarea', required: true },
  ],
};
const now = new Date('2026-11-24T10:00:00.000Z');
const submit = (values: Record<string, unknown>): SubmitForm => ({ type: 'SubmitForm', submissionId: 's1', conversationId: 'c1', formId: 'f1', accountId: 'a1', form, values });

describe('form submission decider', () => {
  it('records the fields in form order, the contact by its lowercased email, and the form name as subject', () => {
    const [event] = formSubmissionDecider.decide(submit({ message: 'Line 1\r\nLine 2', email: ' Carla@Example.com ', topic: 'Billing', extra: 'ignored' }), { submitted: false }, { now });
    expect(event.data).toEqual({
      submissionId: 's1',
      formId: 'f1',
      formName: 'Contact us',
      accountId: 'a1',
      conversationId: 'c1',
      contact: { email: 'carla@example.com', name: '' },
      subject: 'Contact us',
      fields: [
        { name: 'name', label: 'Name', value: '' },
        { name: 'email', label: 'Email', value: 'Carla@Example.com' },
        { name: 'topic', label: 'Topic', value: 'Billing' },
        { name: 'message', label: 'Message', value: 'Line 1\nLine 2' },
      ],
      submittedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(submissionText(event.data.fields)).toBe('Name: \nEmail: Carla@Example.com\nTopic: Billing\nMessage: \n  Line 1\n  Line 2');
  });

  it('names the field of the first broken rule', () => {
    const ok = { email: 'carla@example.com', topic: 'Billing', message: 'Hi' };
    const check = (values: Record<string, unknown>, expected: Record<string, unknown>) =>
      given(formSubmissionDecider).when(submit(values), { now }).thenFails(expected);
    check({ ...ok, email: '' }, { field: 'email', message: 'email is required (Email)', code: 'FORMS.FIELD_REQUIRED' });
    check({ ...ok, email: 'not an address' }, { field: 'email', message: 'email must be an email address', code: 'FORMS.FIELD_NOT_EMAIL' });
    check({ ...ok, topic: 'Other' }, { field: 'topic', message: 'topic must be one of: Billing, Shipping', code: 'FORMS.FIELD_NOT_A_CHOICE' });
    check({ ...ok, message: 42 }, { field: 'message', message: 'message must be text', code: 'FORMS.FIELD_NOT_TEXT' });
    check({ ...ok, name: ['a', 'b'] }, { field: 'name', message: 'name must be a single value', code: 'FORMS.FIELD_NOT_SINGLE' });
    check({ ...ok, name: 'two\nlines' }, { field: 'name', message: 'name must be one line', code: 'FORMS.FIELD_NOT_ONE_LINE' });
    check({ ...ok, message: 'x'.repeat(10_001) }, { field: 'message', code: 'FORMS.FIELD_TOO_LONG' });
  });

  it('records a submission once', () => {
    const events: FormSubmissionEvent[] = formSubmissionDecider.decide(submit({ email: 'c@example.com', topic: 'Billing', message: 'Hi' }), { submitted: false }, { now });
    given(formSubmissionDecider, events).when(submit({ email: 'c@example.com', topic: 'Billing', message: 'Hi' }), { now }).then([]);
  });
});
