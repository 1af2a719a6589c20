import pino, { type Logger } from "pino";

const LEVELS: Record<string, pino.LevelWithSilent> = {
  TRACE: "trace",
  JSON: "trace",
  DEBUG: "debug",
  INFO: "info",
  WARN: "warn",
  ERROR: "error",
  OFF: "silent",
};

/**
 * Picks the log level from TF_LOG_PROVIDER, then TF_LOG, using Terraform's level names.
 * Without either the provider logs warnings and errors only.
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): pino.LevelWithSilent {
  const name = (env.TF_LOG_PROVIDER || env.TF_LOG || "").trim().toUpperCase();
  return LEVELS[name] ?? (name === "" ? "warn" : "trace");
}

/**
 * Formats the current time with six fractional digits. Terraform parses hclog JSON lines only
 * when `@timestamp` has microsecond precision and shows other lines raw.
 */
export function hclogTimestamp(now: number = performance.timeOrigin + performance.now()): string {
  const millis = Math.floor(now);
  const micros = Math.floor((now - millis) * 1000);
  const iso = new Date(millis).toISOString();
  return `${iso.slice(0, -1)}${String(micros).padStart(3, "0")}Z`;
}

/**
 * Creates a pino logger writing hclog JSON lines (`@level`, `@message`, `@module`,
 * `@timestamp`) to stderr, the format Terraform folds into its own log.
 */
export function createProviderLogger(
  options: { level?: pino.LevelWithSilent; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? logLevelFromEnv(),
      messageKey: "@message",
      base: { "@module": "nico" },
      timestamp: () => `,"@timestamp":"${hclogTimestamp()}"`,
      formatters: { level: (label) => ({ "@level": label }) },
      redact: { paths: ["token", "*.token", "config.token"], censor: "[redacted]" },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
