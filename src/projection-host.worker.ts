// The projection thread's entry (see ProjectionHost): every read model the app runs, applied off
// the thread that serves HTTP and SMTP, from the same list the app follows the log with.
import { projections } from './projections';
import { serveProjections } from './shared/projections/projection-host';

serveProjections(projections.map((Projection) => new Projection()));
