import { given } from '../../../shared/domain/decider.testing';
import { formDecider, validateDefinition, type FormEvent, type FormField } from './form.decider';

const email: FormField = { name: 'email', label: 'Your email', type: 'email', required: true };
const topic: FormField = { name: 'topic', label: 'Topic', type: 'select', required: false, options: ['Billing', 'Shipping'] };
const created: FormEvent[] = [{ type: 'FormCreated', data: { formId: 'f1', accountId: 'a1', name: 'Contact us', fields: [email, topic] } }];

describe('form decider', () => {
  it('creates a form with trimmed texts, once', () => {
    given(formDecider)
      .when({ type: 'CreateForm', formId: 'f1', accountId: 'a1', definition: { name: ' Contact us ', fields: [{ ...email, label: ' Your email ' }, topic] } })
      .then(created);
    given(formDecider, created).when({ type: 'CreateForm', formId: 'f1', accountId: 'a1', definition: { name: 'Other', fields: [email] } }).then([]);
  });

  it('changes name or fields, records nothing when nothing changes, and knows no form of another account', () => {
    given(formDecider, created)
      .when({ type: 'ChangeForm', formId: 'f1', accountId: 'a1', changes: { name: 'Support' } })
      .then([{ type: 'FormChanged', data: { formId: 'f1', accountId: 'a1', name: 'Support', fields: [email, topic] } }]);
    given(formDecider, created).when({ type: 'ChangeForm', formId: 'f1', accountId: 'a1', changes: { name: 'Contact us' } }).then([]);
    given(formDecider, created).when({ type: 'ChangeForm', formId: 'f1', accountId: 'a2', changes: { name: 'Mine' } }).thenFails({ code: 'NOT_FOUND' });
    given(formDecider).when({ type: 'ChangeForm', formId: 'f1', accountId: 'a1', changes: { name: 'x' } }).thenFails({ code: 'NOT_FOUND' });
  });

  it('refuses an edit that would leave the form without its email field', () => {
    given(formDecider, created)
      .when({ type: 'ChangeForm', formId: 'f1', accountId: 'a1', changes: { fields: [topic] } })
      .thenFails({ field: 'fields', message: expect.stringContaining('exactly one email field') });
  });
});

describe('form definition rules', () => {
  const fails = (fields: FormField[], name = 'Form') => {
    try {
      validateDefinition({ name, fields });
    } catch (error) {
      return { field: (error as { field: string }).field, message: (error as Error).message };
    }
    throw new Error('expected the definition to be refused');
  };

  it('names the field and the rule it breaks', () => {
    expect(fails([email], ' ')).toEqual({ field: 'name', message: 'name must not be empty' });
    expect(fails([])).toMatchObject({ field: 'fields' });
    expect(fails([email, { ...topic, name: 'Topic' }])).toMatchObject({ field: 'fields.1.name', message: expect.stringContaining('lowercase') });
    expect(fails([email, { ...topic, name: 'email' }])).toMatchObject({ field: 'fields.1.name', message: expect.stringContaining('repeats') });
    expect(fails([email, { ...topic, label: '' }])).toMatchObject({ field: 'fields.1.label' });
    expect(fails([email, { ...topic, options: [] }])).toMatchObject({ field: 'fields.1.options' });
    expect(fails([email, { ...topic, options: ['a', 'a'] }])).toMatchObject({ field: 'fields.1.options', message: expect.stringContaining('repeat') });
    expect(fails([email, { name: 'note', label: 'Note', type: 'textarea', required: false, options: ['x'] }])).toMatchObject({ field: 'fields.1.options' });
    expect(fails([email, { ...email, name: 'email2' }])).toMatchObject({ field: 'fields', message: expect.stringContaining('found 2') });
    expect(fails([{ name: 'note', label: 'Note', type: 'textarea', required: true }])).toMatchObject({ field: 'fields', message: expect.stringContaining('found 0') });
    expect(fails([{ ...email, required: false }])).toMatchObject({ field: 'fields.0.required' });
  });
});
