export { Inventory } from "./inventory.js";
export { StalePlacementError } from "./errors.js";
export { rejectionMessages } from "./messages.js";
export type { RejectionFacts } from "./messages.js";
export type {
  InstanceTypeCapacity,
  Machine,
  MachineStatus,
  Placement,
  PlacementPolicy,
  PlacementRejection,
  PlacementRejectionCode,
  PlacementRequest,
  PlacementResult,
} from "./types.js";
