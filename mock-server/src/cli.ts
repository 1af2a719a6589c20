import { parseArgs } from "node:util";
import { DEFAULT_SPEC_PATH, startMockServer, type MockServer } from "./index.js";

const usage = `Usage: npm run mock -w @nico/mock-server -- [--port N] [--spec FILE]

Starts the Prism mock of the NICo API on 127.0.0.1. It returns the spec's examples and
rejects requests that break the spec with 400.
  --port N     TCP port (default: a free port)
  --spec FILE  OpenAPI document (default: ${DEFAULT_SPEC_PATH})`;

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    spec: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}: expected an integer from 0 to 65535`);
  process.exit(2);
}

let server: MockServer;
try {
  server = await startMockServer({
    port,
    spec: values.spec,
    onLog: (line) => console.error(line),
  });
} catch (error) {
  console.error(`Prism mock failed to start: ${(error as Error).message}`);
  process.exit(1);
}
// Handlers go in before any output, so a signal sent as soon as the URL appears still stops Prism.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
console.log(`Prism mock listening on ${server.url}`);
// Prism accepts any bearer token, so "dev" only fills the variable.
console.log(
  `Try: NICO_ENDPOINT=${server.url} NICO_ORG=acme NICO_TOKEN=dev npx tsx examples/sdk/create-batch.ts`,
);
