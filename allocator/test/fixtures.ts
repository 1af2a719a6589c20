import type { Machine } from "../src/index.js";

/** Builds a free Ready machine of instance type "gb200" at site "site-1". */
export function machine(id: string, domainId: string | null, overrides: Partial<Machine> = {}) {
  const result: Machine = {
    id,
    siteId: "site-1",
    instanceTypeId: "gb200",
    status: "Ready",
    nvLinkDomainId: domainId,
    assignedInstanceId: null,
    ...overrides,
  };
  return result;
}

/** Builds `size` free machines named `<domainId>-01` onwards in one domain. */
export function domain(domainId: string, size: number, overrides: Partial<Machine> = {}) {
  return Array.from({ length: size }, (_, position) => {
    const id = `${domainId}-${String(position + 1).padStart(2, "0")}`;
    return machine(id, domainId, overrides);
  });
}
