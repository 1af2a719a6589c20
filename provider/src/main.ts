import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, serveProvider } from "./serve.js";
import { PROTOCOL_VERSION } from "./plugin/serve.js";
import { PROVIDER_VERSION } from "./schema/provider.js";

const USAGE = `terraform-provider-nico ${PROVIDER_VERSION}

This is a Terraform provider plugin for NVIDIA Infra Controller (NICo) instance batches.
Terraform starts it; running it by hand does nothing useful.

To use it, install it in a filesystem mirror and point Terraform at the mirror:

  provider_installation {
    filesystem_mirror {
      path    = "<mirror directory>"
      include = ["registry.terraform.io/nico/*"]
    }
    direct {
      exclude = ["registry.terraform.io/nico/*"]
    }
  }

then declare it with  required_providers { nico = { source = "nico/nico" } }  and run
terraform init. Settings: NICO_ENDPOINT, NICO_ORG and NICO_TOKEN (or the provider block).
`;

async function main(): Promise<void> {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write(USAGE);
    process.exit(1);
  }
  const versions = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? String(PROTOCOL_VERSION)).split(",");
  if (!versions.map((v) => v.trim()).includes(String(PROTOCOL_VERSION))) {
    process.stderr.write(
      `terraform-provider-nico speaks plugin protocol ${PROTOCOL_VERSION}, but the caller ` +
        `offers ${versions.join(", ")}. Use Terraform 1.0 or newer.\n`,
    );
    process.exit(1);
  }
  // Terraform forwards Ctrl-C itself and stops the plugin through GRPCController.Shutdown.
  process.on("SIGINT", () => undefined);
  await serveProvider();
}

main().catch((error: unknown) => {
  process.stderr.write(`terraform-provider-nico failed to start: ${String(error)}\n`);
  process.exit(1);
});
