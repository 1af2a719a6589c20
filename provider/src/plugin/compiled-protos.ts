import type * as grpc from "@grpc/grpc-js";
import protobuf from "protobufjs";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Name of the protobufjs JSON form of the .proto files, written next to them by the build. */
export const COMPILED_PROTOS_FILE = "plugin-protos.json";

/** The gRPC services the plugin server registers. */
export interface PluginServices {
  provider: grpc.ServiceDefinition;
  controller: grpc.ServiceDefinition;
  stdio: grpc.ServiceDefinition;
  broker: grpc.ServiceDefinition;
}

/** Decoding options, the same as the proto-loader options of `loadProtos`. */
const CONVERSION: protobuf.IConversionOptions = {
  longs: Number,
  enums: Number,
  defaults: true,
  oneofs: true,
};

/** Parses the .proto files with snake_case field names and returns them as protobufjs JSON. */
export function compileProtos(protoDir: string): object {
  const root = new protobuf.Root().loadSync(
    [join(protoDir, "tfplugin6.proto"), join(protoDir, "plugin.proto")],
    { keepCase: true },
  );
  return root.toJSON();
}

/**
 * Builds the service definitions from the compiled JSON in `protoDir`, or returns undefined
 * when the file is absent. This skips parsing the .proto files at start, and each message
 * type is resolved on its first use, so the work happens after the handshake.
 */
export function loadCompiledServices(protoDir: string): PluginServices | undefined {
  const file = join(protoDir, COMPILED_PROTOS_FILE);
  if (!existsSync(file)) return undefined;
  const root = protobuf.Root.fromJSON(JSON.parse(readFileSync(file, "utf8")));
  return {
    provider: serviceDefinition(root, "tfplugin6.Provider"),
    controller: serviceDefinition(root, "plugin.GRPCController"),
    stdio: serviceDefinition(root, "plugin.GRPCStdio"),
    broker: serviceDefinition(root, "plugin.GRPCBroker"),
  };
}

function serviceDefinition(root: protobuf.Root, name: string): grpc.ServiceDefinition {
  const service = root.lookupService(name);
  const definition: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray) {
    const request = lazyType(service, method.requestType);
    const response = lazyType(service, method.responseType);
    definition[method.name] = {
      path: `/${name}/${method.name}`,
      requestStream: Boolean(method.requestStream),
      responseStream: Boolean(method.responseStream),
      requestSerialize: serializer(request),
      requestDeserialize: deserializer(request),
      responseSerialize: serializer(response),
      responseDeserialize: deserializer(response),
      originalName: method.name.charAt(0).toLowerCase() + method.name.slice(1),
    };
  }
  return definition;
}

function lazyType(service: protobuf.Service, typeName: string): () => protobuf.Type {
  let type: protobuf.Type | undefined;
  return () => {
    if (!type) {
      type = service.lookupType(typeName);
      type.resolveAll();
    }
    return type;
  };
}

function serializer(type: () => protobuf.Type): (value: object) => Buffer {
  return (value) => {
    const cls = type();
    return Buffer.from(cls.encode(cls.fromObject(value)).finish());
  };
}

function deserializer(type: () => protobuf.Type): (bytes: Buffer) => object {
  return (bytes) => {
    const cls = type();
    return cls.toObject(cls.decode(bytes), CONVERSION);
  };
}
