// Rendering of request paths in messages.

/** Key under which a reason for a whole object or list is stored when its children have reasons too. */
export const wholeValueKey = "__all__";

/** Maximum length, in characters, of a value or path segment that a message shows in full. */
export const maxShownLength = 64;

/** Shortens `text` to `maxShownLength` characters, ending with an ellipsis when cut. */
export function truncateText(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= maxShownLength) return text;
  return `${characters.slice(0, maxShownLength - 1).join("")}…`;
}

/**
 * Formats a path as JavaScript accessors: `interfaces[0].subnetId`, `labels["a b"]`. The empty
 * path is named `root` (default "request body"), and long keys are shortened.
 */
export function formatPath(path: readonly (string | number)[], root = "request body"): string {
  // A reason for a whole list is stored under `__all__`, but the message names the list itself.
  if (path[path.length - 1] === wholeValueKey) path = path.slice(0, -1);
  if (path.length === 0) return root;
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      text += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$]*$/.test(segment) && segment.length <= maxShownLength) {
      text += text === "" ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(truncateText(segment))}]`;
    }
  }
  return text;
}
