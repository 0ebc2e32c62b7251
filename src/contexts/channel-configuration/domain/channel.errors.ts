import { DomainError } from '../../../shared/domain/domain-error';

export class ForwardingAddressAlreadySet extends DomainError {
  constructor(address: string) {
    super('CHANNEL.ADDRESS_ALREADY_SET', 'conflict', `The forwarding address is already ${address}; it can never be changed`);
  }
}

export class AddressTaken extends DomainError {
  constructor(address: string) {
    super('CHANNEL.ADDRESS_TAKEN', 'conflict', `${address} is already taken`, 'username');
  }
}

export class SubdomainTaken extends DomainError {
  constructor(subdomain: string) {
    super('CHANNEL.SUBDOMAIN_TAKEN', 'conflict', `The subdomain ${subdomain} belongs to another account`, 'subdomain');
  }
}

export class EmailChannelNotReady extends DomainError {
  constructor() {
    super('CHANNEL.NOT_READY', 'conflict', 'The email channel of this account is not set up yet; try again in a moment');
  }
}
