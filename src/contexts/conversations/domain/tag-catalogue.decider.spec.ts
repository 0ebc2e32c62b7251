import { given } from '../../../shared/domain/decider.testing';
import { tagCatalogueDecider, tagCatalogueStream, type TagCatalogueEvent } from './tag-catalogue.decider';

const created = (tagId: string, name: string): TagCatalogueEvent => ({ type: 'TagCreated', data: { accountId: 'a1', tagId, name } });

describe('tag catalogue decider', () => {
  it('creates the names it does not know yet, once each, case aside', () => {
    given(tagCatalogueDecider, [created('t1', 'Billing')])
      .when({ type: 'CreateTags', accountId: 'a1', tags: [{ tagId: 'n1', name: 'billing' }, { tagId: 'n2', name: 'VIP' }, { tagId: 'n3', name: 'vip' }] })
      .then([created('n2', 'VIP')]);
    given(tagCatalogueDecider, [created('t1', 'Billing')]).when({ type: 'CreateTags', accountId: 'a1', tags: [{ tagId: 'n1', name: 'BILLING' }] }).then([]);
  });

  it('renames a tag in one event, keeping what it was called', () => {
    given(tagCatalogueDecider, [created('t1', 'Billing')])
      .when({ type: 'RenameTag', accountId: 'a1', tagId: 't1', name: 'Invoices' })
      .then([{ type: 'TagRenamed', data: { accountId: 'a1', tagId: 't1', name: 'Invoices', previousName: 'Billing' } }]);
    given(tagCatalogueDecider, [created('t1', 'Billing')]).when({ type: 'RenameTag', accountId: 'a1', tagId: 't1', name: 'Billing' }).then([]);
    given(tagCatalogueDecider, [created('t1', 'Billing')])
      .when({ type: 'RenameTag', accountId: 'a1', tagId: 't1', name: 'billing' })
      .then([{ type: 'TagRenamed', data: { accountId: 'a1', tagId: 't1', name: 'billing', previousName: 'Billing' } }]);
  });

  it("refuses a rename to another tag's name", () => {
    given(tagCatalogueDecider, [created('t1', 'Billing'), created('t2', 'VIP')])
      .when({ type: 'RenameTag', accountId: 'a1', tagId: 't1', name: 'vip' })
      .thenFails({ code: 'TAGS.NAME_TAKEN', kind: 'conflict', field: 'name' });
  });

  it('deletes a tag in one event; a deleted tag is not found and its name is free again', () => {
    const deleted: TagCatalogueEvent = { type: 'TagDeleted', data: { accountId: 'a1', tagId: 't1', name: 'Billing' } };
    given(tagCatalogueDecider, [created('t1', 'Billing')]).when({ type: 'DeleteTag', accountId: 'a1', tagId: 't1' }).then([deleted]);
    given(tagCatalogueDecider, [created('t1', 'Billing'), deleted]).when({ type: 'DeleteTag', accountId: 'a1', tagId: 't1' }).thenFails({ kind: 'not_found' });
    given(tagCatalogueDecider, [created('t1', 'Billing'), deleted]).when({ type: 'RenameTag', accountId: 'a1', tagId: 't1', name: 'X' }).thenFails({ kind: 'not_found' });
    given(tagCatalogueDecider, [created('t1', 'Billing'), deleted]).when({ type: 'CreateTags', accountId: 'a1', tags: [{ tagId: 't9', name: 'Billing' }] }).then([created('t9', 'Billing')]);
  });

  it('keeps the stream category free of hyphens', () => {
    expect(tagCatalogueStream('3f1c-aa').split('-')[0]).toBe('tagcatalogue');
  });
});
