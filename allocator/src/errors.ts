/**
 * Error thrown by `Inventory.commit()` when the placement no longer matches the inventory.
 *
 * The inventory is left unchanged, so the caller can plan again and commit the new placement.
 */
export class StalePlacementError extends Error {
  override readonly name = "StalePlacementError";
  /** Inventory version the placement was made on. */
  readonly placementVersion: number;
  /** Inventory version at commit time. */
  readonly inventoryVersion: number;

  constructor(message: string, placementVersion: number, inventoryVersion: number) {
    super(message);
    this.placementVersion = placementVersion;
    this.inventoryVersion = inventoryVersion;
  }
}
