import { DomainError } from '../../../shared/domain/domain-error';

export class NoForwardingAddress extends DomainError {
  constructor() {
    super('CONTACTS.NO_FORWARDING_ADDRESS', 'conflict', 'The account has no forwarding address yet: the primary admin chooses one under Channels → Email');
  }
}
