// A projection thread for the projection host's tests: tallies, one of which refuses value 13 here
// (and only here: the same projection on the test's own thread takes it), and one that refuses
// poisoned events here as on every thread.
import type { Projection } from '../../src/shared/projections/projection';
import { serveProjections } from '../../src/shared/projections/projection-host';
import { poisonedTally, tallyProjection } from './tally.projection';

const refusing = tallyProjection(undefined, 'tally_refusing');
const refusesThirteen: Projection = {
  ...refusing,
  apply: (event, db) => {
    if ((event.data as { value?: number }).value === 13) throw new Error('refused 13 on the projection thread');
    refusing.apply(event, db);
  },
};

serveProjections([tallyProjection(undefined, 'tally_a'), refusesThirteen, poisonedTally('tally_poisoned')]);
