import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';

// scrypt with N=2^17, r=8, p=1 by default (OWASP's figure: 128 MiB and a few hundred milliseconds per
// hash; PASSWORD_HASH_COST sets the exponent). The async scrypt runs on libuv's thread pool, so the
// event loop stays free while it works; maxmem must cover 128·N·r bytes or Node refuses.
const R = 8;
const P = 1;
const maxmemFor = (n: number) => Math.max(32 * 1024 * 1024, 192 * 1024 * 1024 * (n / 2 ** 17));
const KEY_LENGTH = 32;

// At most this many hashes at once, one core always left to the event loop: libuv's four threads
// hashing a burst of sign-ins on a two-core machine kept /api/health waiting over two seconds, and
// each hash holds 128 MiB. The rest wait their turn, first come first served.
const CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);
let hashing = 0;
const waiting: Array<() => void> = [];

async function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  if (hashing >= CONCURRENT_HASHES) await new Promise<void>((turn) => waiting.push(turn));
  else hashing += 1;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    // The slot passes straight to the next in line, or is given back.
    const next = waiting.shift();
    if (next) next();
    else hashing -= 1;
  }
}

/**
 * Hashes and checks passwords. The stored form is `scrypt$N$r$p$salt$key`, so the cost can be
 * raised later without breaking stored hashes: sign-in rehashes what was made with less.
 */
@Injectable()
export class PasswordHasher {
  private readonly params: ScryptOptions & { N: number };

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'passwordHashCost'>) {
    const n = 2 ** config.passwordHashCost;
    this.params = { N: n, r: R, p: P, maxmem: maxmemFor(n) };
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.params);
    return ['scrypt', this.params.N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string | null): Promise<boolean> {
    const parts = stored?.split('$') ?? [];
    if (parts.length !== 6 || parts[0] !== 'scrypt') {
      // Same work for an unknown user as for a known one, so timing does not tell which emails exist.
      await derive(password, randomBytes(16), this.params);
      return false;
    }
    const [, n, r, p, salt, key] = parts;
    const expected = Buffer.from(key, 'base64url');
    const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: maxmemFor(Number(n) * (Number(r) / R)) });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** A hash made with weaker parameters than today's: sign-in, which has the password, replaces it. */
  needsRehash(stored: string | null): boolean {
    const [scheme, n, r, p] = stored?.split('$') ?? [];
    return scheme !== 'scrypt' || Number(n) < this.params.N || Number(r) < R || Number(p) < P;
  }
}
