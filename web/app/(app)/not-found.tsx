import NotFound from '../not-found';

/** A page of the app that finds nothing (another account's conversation, say): the message inside the shell. */
export default function NotFoundInApp() {
  return <NotFound landmark={false} />;
}
