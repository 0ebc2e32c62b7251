import { Injectable } from '@nestjs/common';
import type { SessionResolver, SignedInUser } from '../../../shared/http/signed-in-user';
import { AccountsQueries } from './accounts.queries';

@Injectable()
export class AccountsSessionResolver implements SessionResolver {
  constructor(private readonly queries: AccountsQueries) {}

  resolve(sessionId: string): SignedInUser | null {
    return this.queries.sessionUser(sessionId, new Date());
  }
}
