import { InvalidInput } from '../../../shared/domain/domain-error';
import { hasTagSeparator } from '../../../shared/domain/reply-address';

/** Names that mail systems and abuse desks expect to reach the domain's operator, never a tenant. */
export const RESERVED_NAMES = new Set([
  'postmaster', 'abuse', 'mailer-daemon', 'root', 'noreply', 'no-reply', 'hostmaster', 'webmaster', 'admin',
  'administrator', 'security', 'support-bounces', 'bounces', 'www', 'mail', 'smtp', 'imap', 'pop', 'mx', 'api',
]);

// RFC 5321 dot-atom local part, restricted to lowercase letters, digits and a few safe symbols.
// "+" is excluded: it separates a reply address's tag (reply-address in conversations).
const ATOM = /^[a-z0-9!#$%&'*/=?^_`{|}~-]+$/;
const DNS_LABEL = /^[a-z0-9-]+$/;

export interface ForwardingAddress {
  username: string;
  subdomain: string;
  address: string;
}

function checkUsername(raw: string): string {
  // Addresses are case-insensitive in practice; they are stored, compared and shown in lowercase.
  const username = raw.trim().toLowerCase();
  if (username.length === 0) throw new InvalidInput('username', 'username must not be empty', 'CHANNEL.USERNAME_EMPTY');
  if (username.length > 64) throw new InvalidInput('username', 'username must be at most 64 characters', 'CHANNEL.USERNAME_TOO_LONG');
  if (hasTagSeparator(username)) {
    throw new InvalidInput('username', 'username must not contain "+": it is kept for reply addresses', 'CHANNEL.USERNAME_PLUS');
  }
  if (username.startsWith('.') || username.endsWith('.') || username.includes('..')) {
    throw new InvalidInput('username', 'username must not start or end with a dot, or contain two dots in a row', 'CHANNEL.USERNAME_DOTS');
  }
  if (!username.split('.').every((atom) => ATOM.test(atom))) {
    throw new InvalidInput(
      'username',
      "username may contain only lowercase letters, digits, dots and !#$%&'*/=?^_`{|}~-",
      'CHANNEL.USERNAME_CHARACTERS',
    );
  }
  if (RESERVED_NAMES.has(username)) {
    throw new InvalidInput('username', `username "${username}" is reserved (like postmaster, abuse, mailer-daemon)`, 'CHANNEL.USERNAME_RESERVED');
  }
  return username;
}

function checkSubdomain(raw: string): string {
  const subdomain = raw.trim().toLowerCase();
  if (subdomain.length === 0) throw new InvalidInput('subdomain', 'subdomain must not be empty', 'CHANNEL.SUBDOMAIN_EMPTY');
  if (subdomain.includes('.')) {
    throw new InvalidInput('subdomain', 'subdomain must be a single DNS label, without dots', 'CHANNEL.SUBDOMAIN_DOTS');
  }
  if (subdomain.length > 63) throw new InvalidInput('subdomain', 'subdomain must be at most 63 characters', 'CHANNEL.SUBDOMAIN_TOO_LONG');
  if (!DNS_LABEL.test(subdomain)) {
    throw new InvalidInput('subdomain', 'subdomain may contain only lowercase letters, digits and hyphens', 'CHANNEL.SUBDOMAIN_CHARACTERS');
  }
  if (subdomain.startsWith('-') || subdomain.endsWith('-')) {
    throw new InvalidInput('subdomain', 'subdomain must not start or end with a hyphen', 'CHANNEL.SUBDOMAIN_HYPHEN');
  }
  if (/^xn--/.test(subdomain) || subdomain.slice(2, 4) === '--') {
    throw new InvalidInput('subdomain', 'subdomain must not have "--" in the third and fourth places (kept for IDNs)', 'CHANNEL.SUBDOMAIN_HYPHEN');
  }
  if (RESERVED_NAMES.has(subdomain)) {
    throw new InvalidInput('subdomain', `subdomain "${subdomain}" is reserved`, 'CHANNEL.SUBDOMAIN_RESERVED');
  }
  return subdomain;
}

/** `username@subdomain.<inboxDomain>`, each part checked with a message per rule. */
export function forwardingAddress(username: string, subdomain: string, inboxDomain: string): ForwardingAddress {
  const checkedUsername = checkUsername(username);
  const checkedSubdomain = checkSubdomain(subdomain);
  const address = `${checkedUsername}@${checkedSubdomain}.${inboxDomain}`;
  if (address.length > 254) {
    throw new InvalidInput('username', 'the whole address must be at most 254 characters', 'CHANNEL.ADDRESS_TOO_LONG');
  }
  return { username: checkedUsername, subdomain: checkedSubdomain, address };
}
