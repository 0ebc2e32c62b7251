import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { exited } from './spawn-ts';

const root = resolve(__dirname, '..', '..');

export interface RunningApp {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built server (`npm start` without the build step) on a free port and waits until it listens. */
export async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const child = spawn(process.execPath, [resolve(root, 'dist/src/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: '0', SMTP_PORT: '0', NO_COLOR: '1', PASSWORD_HASH_COST: '10', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const baseUrl = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /web and API on (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`The app exited during start:\n${output}`));
    });
  });
  return {
    child,
    baseUrl,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited(child);
    },
  };
}
