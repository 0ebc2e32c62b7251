import { ConfigError, loadConfig, type AppConfig } from './app-config';

/** For entry points: a bad value stops the process with one line naming the variable and the rule. */
export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Invalid configuration: ${error.message}\n`);
    process.exit(1);
  }
}
