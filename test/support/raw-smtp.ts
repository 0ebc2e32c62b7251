import { connect } from 'node:net';
import type { SmtpAnswer } from './smtp-client';

/**
 * Sends `bytes` over one SMTP conversation exactly as they are (only dot-stuffed, and a CRLF added
 * when they do not end in one): nodemailer would turn bare LF and CR into CRLF, and a fuzzer
 * wants the server to see mixed line endings and NUL bytes. Answers with the server's reply to
 * the first command it refused, or to the end of DATA; `code: null` when it never answered.
 */
export function sendExact(port: number, to: string, bytes: Buffer, options: { from?: string; timeoutMs?: number } = {}): Promise<SmtpAnswer> {
  const from = options.from ?? 'fuzzer@example.com';
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffered = '';
    let step = 0;
    let settled = false;
    const finish = (answer: SmtpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (answer.code !== null && !socket.destroyed) socket.end('QUIT\r\n');
      else socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ ok: false, code: null, response: `no answer within ${options.timeoutMs ?? 60_000} ms (step ${step})` }), options.timeoutMs ?? 60_000);
    // Each reply moves the conversation on; what the server says at each step is expected to start with `expect`.
    const steps: Array<{ expect: string; then: () => void }> = [
      { expect: '220', then: () => socket.write('EHLO fuzzer.example\r\n') },
      { expect: '250', then: () => socket.write(`MAIL FROM:<${from}>\r\n`) },
      { expect: '250', then: () => socket.write(`RCPT TO:<${to}>\r\n`) },
      { expect: '250', then: () => socket.write('DATA\r\n') },
      { expect: '354', then: () => socket.write(Buffer.concat([dotStuffed(bytes), Buffer.from('.\r\n')])) },
    ];
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      for (;;) {
        // A reply ends with a line "ddd <text>"; "ddd-<text>" lines continue it.
        const end = /^(\d{3}) [^\r\n]*\r?\n/m.exec(buffered);
        if (!end) return;
        const reply = buffered.slice(0, end.index + end[0].length).trim();
        buffered = buffered.slice(end.index + end[0].length);
        const code = Number(end[1]);
        if (step === steps.length) return finish({ ok: code === 250, code, response: reply });
        if (!reply.startsWith(steps[step].expect)) return finish({ ok: false, code, response: reply });
        steps[step].then();
        step += 1;
      }
    });
    socket.on('error', (error) => finish({ ok: false, code: null, response: `connection error at step ${step}: ${error.message}` }));
    socket.on('close', () => finish({ ok: false, code: null, response: `connection closed at step ${step}` }));
  });
}

/** A line starting with "." gets another (RFC 5321 4.5.2), and the data ends with CRLF before the final ".". */
function dotStuffed(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1').replace(/(^|\r\n)\./g, '$1..');
  return Buffer.from(text.endsWith('\r\n') ? text : `${text}\r\n`, 'latin1');
}
