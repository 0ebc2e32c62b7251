import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { IsEmail, IsIn, IsString, MinLength } from 'class-validator';
import request from 'supertest';
import { DomainError, InvalidInput, NotFound } from '../domain/domain-error';
import { WrongExpectedVersion } from '../event-store/event-store.port';
import { StorageFull } from '../storage/storage-full';
import { DomainErrorFilter } from './domain-error.filter';
import { forwardedBy } from './forwarded.middleware';
import { requestId } from './request-id.middleware';
import { TrustedProxies } from './trusted-proxies';
import { createValidationPipe } from './validation.pipe';

class SignUpDto {
  @IsEmail()
  email!: string;
  @IsString()
  @MinLength(12)
  password!: string;
  @IsIn(['trial', 'seats'])
  plan!: string;
}

@Controller('probe')
class ProbeController {
  @Post('sign-up')
  signUp(@Body() body: SignUpDto): SignUpDto {
    return body;
  }
  @Get('taken')
  taken(): never {
    throw new DomainError('CHANNEL.ADDRESS_TAKEN', 'conflict', 'support@acme.inbox.localhost is already claimed');
  }
  @Get('invalid')
  invalid(): never {
    throw new InvalidInput('username', 'username must not be a reserved name such as postmaster', 'CHANNEL.USERNAME_RESERVED');
  }
  @Get('missing')
  missing(): never {
    throw new NotFound('Conversation');
  }
  @Get('race')
  race(): never {
    throw new WrongExpectedVersion('emailchannel-1', 3, 4);
  }
  @Get('full')
  full(): never {
    throw new StorageFull('mail store', 'database or disk is full');
  }
  @Get('full-here')
  fullHere(): never {
    // As better-sqlite3 throws it for a write on this thread.
    throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  }
  @Get('bug')
  bug(): never {
    throw new Error('secret internals');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP edge: errors and validation', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await NestFactory.create(ProbeModule, { logger: false });
    app.setGlobalPrefix('api');
    // The test's client plays a trusted proxy (loopback).
    app.use(forwardedBy(new TrustedProxies(['127.0.0.1', '::1'])));
    app.use(requestId);
    app.useGlobalFilters(new DomainErrorFilter());
    app.useGlobalPipes(createValidationPipe());
    await app.init();
  });
  afterAll(() => app.close());

  it.each([
    [{ email: 'nope', password: 'long enough pass', plan: 'trial' }, 'email', 'email must be an email', 'is_email'],
    [{ email: 'a@b.co', password: 'short', plan: 'trial' }, 'password', 'password must be longer than or equal to 12 characters', 'min_length'],
    [{ email: 'a@b.co', password: 'long enough pass', plan: 'free' }, 'plan', 'plan must be one of the following values: trial, seats', 'is_in'],
    [{ email: 'a@b.co', password: 'long enough pass', plan: 'trial', admin: true }, 'admin', 'admin is not an accepted field', 'whitelist_validation'],
  ])('answers 422 naming the field and the rule for %j', async (body, field, message, rule) => {
    const response = await request(app.getHttpServer()).post('/api/probe/sign-up').send(body);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message, field, code: 'INPUT.INVALID', rule });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/probe/sign-up')
      .set('content-type', 'application/json')
      .send('{"email":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it.each([
    ['taken', 409, 'Conflict', 'CHANNEL.ADDRESS_TAKEN'],
    ['invalid', 422, 'Unprocessable Entity', 'CHANNEL.USERNAME_RESERVED'],
    ['missing', 404, 'Not Found', 'NOT_FOUND'],
    ['race', 409, 'Conflict', 'EVENT_STORE.WRONG_EXPECTED_VERSION'],
  ])('maps the domain failure of /%s to %i with its stable code', async (path, status, error, code) => {
    const response = await request(app.getHttpServer()).get(`/api/probe/${path}`);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, error, code });
  });

  it.each(['full', 'full-here'])('answers 507 with a clear message when /%s finds no space to write', async (path) => {
    const response = await request(app.getHttpServer()).get(`/api/probe/${path}`);
    expect(response.status).toBe(507);
    expect(response.body).toMatchObject({ statusCode: 507, error: 'Insufficient Storage', code: 'STORAGE.FULL' });
    expect(response.body.message).toMatch(/^The server is out of storage space, so nothing was saved; try again once space has been freed\. Cause: .*database or disk is full/);
  });

  it('names the field of a domain rule', async () => {
    const response = await request(app.getHttpServer()).get('/api/probe/invalid');
    expect(response.body.field).toBe('username');
  });

  it('hides the details of an unexpected failure', async () => {
    const response = await request(app.getHttpServer()).get('/api/probe/bug');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  });

  it('echoes a well-formed request id from a trusted proxy and makes one otherwise', async () => {
    const given = await request(app.getHttpServer()).get('/api/probe/missing').set('x-request-id', 'req-12345678');
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const made = await request(app.getHttpServer()).get('/api/probe/missing').set('x-request-id', 'bad id!');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
