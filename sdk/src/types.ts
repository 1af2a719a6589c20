import type { components, operations, paths } from "./generated/openapi.js";

export type { components, operations, paths };

type Schemas = components["schemas"];

/** A GPU instance as the API returns it. */
export type Instance = Schemas["Instance"];
/** Body of `createInstanceBatch`. */
export type BatchInstanceCreateRequest = Schemas["BatchInstanceCreateRequest"];
/** Body of `updateInstance`. */
export type InstanceUpdateRequest = Schemas["InstanceUpdateRequest"];
/** Optional body of `deleteInstance`. */
export type InstanceDeleteRequest = Schemas["InstanceDeleteRequest"];
/** One status change of an instance. */
export type StatusDetail = Schemas["StatusDetail"];
/** Instance states of the status enum. */
export type InstanceStatus = Schemas["InstanceStatus"];
/** Wire error body `{ source, message, data }`. */
export type ErrorResponse = Schemas["ErrorResponse"];

/** Operation ids of the API, for example `createInstanceBatch`. */
export type OperationId = keyof operations;

/** Query parameters of `listInstances`. */
export type ListInstancesQuery = NonNullable<operations["listInstances"]["parameters"]["query"]>;
/** Query parameters of `getInstanceStatusHistory`. */
export type StatusHistoryQuery = NonNullable<
  operations["getInstanceStatusHistory"]["parameters"]["query"]
>;

type ResponsesOf<K extends OperationId> = operations[K]["responses"];

/** Declared response statuses of 400 and above. */
type ErrorStatusOf<R> = {
  [S in keyof R]: S extends number
    ? `${S}` extends `4${string}` | `5${string}`
      ? S
      : never
    : never;
}[keyof R];

type BodyOf<R> = R extends { content: { "application/json": infer Body } }
  ? Body
  : R extends { content: { "text/plain": infer Text } }
    ? Text
    : undefined;

/**
 * Union of `{ status, body }` over every error status the contract declares for an operation,
 * so `switch (response.status)` narrows the body.
 */
export type NicoErrorResponseUnion<K extends OperationId> = {
  [S in ErrorStatusOf<ResponsesOf<K>>]: { status: S; body: BodyOf<ResponsesOf<K>[S]> };
}[ErrorStatusOf<ResponsesOf<K>>];
