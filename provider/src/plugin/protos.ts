import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { join } from "node:path";
import { findProtoDir } from "./proto-dir.js";

export { findProtoDir } from "./proto-dir.js";

/** Loaded gRPC service definitions. */
export interface PluginProtos {
  provider: grpc.ServiceDefinition;
  controller: grpc.ServiceDefinition;
  stdio: grpc.ServiceDefinition;
  broker: grpc.ServiceDefinition;
  /** Client constructor for `tfplugin6.Provider`, used by tests. */
  ProviderClient: grpc.ServiceClientConstructor;
  /** Client constructor for `plugin.GRPCController`, used by tests. */
  ControllerClient: grpc.ServiceClientConstructor;
}

/** Loads the protocol definitions with snake_case field names and numeric enums and longs. */
export function loadProtos(protoDir: string = findProtoDir()): PluginProtos {
  const definition = protoLoader.loadSync(
    [join(protoDir, "tfplugin6.proto"), join(protoDir, "plugin.proto")],
    { keepCase: true, longs: Number, enums: Number, defaults: true, oneofs: true },
  );
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    tfplugin6: { Provider: grpc.ServiceClientConstructor };
    plugin: {
      GRPCController: grpc.ServiceClientConstructor;
      GRPCStdio: grpc.ServiceClientConstructor;
      GRPCBroker: grpc.ServiceClientConstructor;
    };
  };
  return {
    provider: loaded.tfplugin6.Provider.service,
    controller: loaded.plugin.GRPCController.service,
    stdio: loaded.plugin.GRPCStdio.service,
    broker: loaded.plugin.GRPCBroker.service,
    ProviderClient: loaded.tfplugin6.Provider,
    ControllerClient: loaded.plugin.GRPCController,
  };
}
