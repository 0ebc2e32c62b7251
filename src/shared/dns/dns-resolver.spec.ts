import { fixedRecordsResolver } from './dns-resolver';

describe('fixedRecordsResolver', () => {
  const resolve = fixedRecordsResolver(() => ({
    'Customer.example': { TXT: [['v=spf1 -all']] },
    '_dmarc.slow.example': { TIMEOUT: [true] },
  }));

  it('answers the records it holds, names compared case-insensitively and without the root dot', async () => {
    await expect(resolve('customer.EXAMPLE.', 'txt')).resolves.toEqual([['v=spf1 -all']]);
  });

  it('fails as a name server does: an unknown name ENOTFOUND, a missing type ENODATA, a dead server ETIMEOUT', async () => {
    await expect(resolve('other.example', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolve('customer.example', 'MX')).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(resolve('_dmarc.slow.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
  });
});
