import type { PlacementRejectionCode } from "./types.js";

/** Facts a rejection message is built from. */
export interface RejectionFacts {
  instanceTypeId: string;
  requested: number;
  available: number;
  largestDomainFree: number;
  freeWithoutDomain: number;
}

function describeUnlabelled(facts: RejectionFacts): string {
  if (facts.freeWithoutDomain === 0) {
    return "";
  }
  return (
    ` ${facts.freeWithoutDomain} free machines have no NVLink domain and are never used` +
    " for topology-optimized batches."
  );
}

/** Rejection messages keyed by code. */
export const rejectionMessages: Record<PlacementRejectionCode, (facts: RejectionFacts) => string> =
  {
    insufficient_machines: (facts) =>
      `Insufficient machines available for instance type ${facts.instanceTypeId}: ` +
      `requested ${facts.requested}, available ${facts.available}.`,
    insufficient_capacity: (facts) =>
      `Topology-optimized placement requires all ${facts.requested} machines in one NVLink ` +
      `domain, but the largest domain of instance type ${facts.instanceTypeId} has only ` +
      `${facts.largestDomainFree} free.` +
      describeUnlabelled(facts) +
      " Request fewer machines, or set topologyOptimized to false to spread the batch over" +
      " several domains.",
  };
