import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { fileURLToPath } from "node:url";

/** Page that keeps the figures of the last reliability run, one section per test file. */
export const figuresPath = fileURLToPath(new URL("../../../docs/reliability.md", import.meta.url));

const lockPath = `${figuresPath}.lock`;

/** One figure of a suite: what was counted and how many. */
export interface Figure {
  label: string;
  value: number | string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Takes an exclusive lock file, so test files finishing together do not overwrite each other. */
async function withLock<T>(fn: () => T): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      closeSync(openSync(lockPath, "wx"));
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST" || attempt > 200) {
        throw error;
      }
      await sleep(50);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function sectionMarkers(suite: string): { start: string; end: string } {
  return { start: `<!-- figures:${suite}:start -->`, end: `<!-- figures:${suite}:end -->` };
}

function renderSection(suite: string, title: string, figures: Figure[], notes: string[]): string {
  const { start, end } = sectionMarkers(suite);
  const rows = figures.map((figure) => `| ${figure.label} | ${figure.value} |`);
  const scale = process.env.RELIABILITY_SCALE ?? "1";
  const noteLines = notes.length > 0 ? ["", ...notes.map((note) => `- ${note}`)] : [];
  return [
    start,
    `### ${title}`,
    "",
    `Last run: ${new Date().toISOString()}, RELIABILITY_SCALE=${scale}.`,
    "",
    "| figure | value |",
    "| --- | --- |",
    ...rows,
    ...noteLines,
    end,
  ].join("\n");
}

/**
 * Writes the figures of one suite into its section of docs/reliability.md, replacing the
 * figures of the previous run and leaving the other sections as they are. `notes` become a list
 * below the table that explains how the figures relate to each other.
 */
export async function recordFigures(
  suite: string,
  title: string,
  figures: Figure[],
  notes: string[] = [],
): Promise<void> {
  await withLock(() => {
    const text = existsSync(figuresPath) ? readFileSync(figuresPath, "utf8") : "# Reliability\n";
    const section = renderSection(suite, title, figures, notes);
    const { start, end } = sectionMarkers(suite);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    let next: string;
    if (from >= 0 && to > from) {
      next = text.slice(0, from) + section + text.slice(to + end.length);
    } else {
      next = `${text.trimEnd()}\n\n${section}\n`;
    }
    const temporary = `${figuresPath}.${process.pid}.tmp`;
    writeFileSync(temporary, next);
    renameSync(temporary, figuresPath);
  });
}

/** Multiplier of the reliability workloads from RELIABILITY_SCALE; default 1. */
export function reliabilityScale(): number {
  const text = process.env.RELIABILITY_SCALE;
  if (text === undefined || text === "") {
    return 1;
  }
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`RELIABILITY_SCALE must be a positive number, got '${text}'`);
  }
  return scale;
}
