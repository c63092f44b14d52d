// Main-thread time from a Chromium trace: what the page's own thread spent, which on a
// shared, loaded machine is steadier than wall time (a task's thread time does not count
// the moments the thread was not running).

/** Categories that hold the renderer's tasks and the page's performance marks. */
export const CATEGORIES = ['toplevel', 'blink.user_timing', 'v8.execute'];

/** Starts tracing `page` (Chromium only). */
export async function startTrace(browser, page) {
  await browser.startTracing(page, { categories: CATEGORIES });
}

/** Stops tracing and returns the parsed events. */
export async function stopTrace(browser) {
  const buffer = await browser.stopTracing();
  const json = JSON.parse(buffer.toString('utf8'));
  return Array.isArray(json) ? json : json.traceEvents;
}

/** The renderer main thread that recorded `mark`, and the mark's events by name there. */
export function pageThread(events, mark) {
  const hit = events.find((e) => e.name === mark && e.cat && e.cat.includes('blink.user_timing'));
  if (!hit) return null;
  const marks = new Map();
  for (const e of events) {
    if (e.pid === hit.pid && e.cat && e.cat.includes('blink.user_timing') && e.ts) {
      if (!marks.has(e.name)) marks.set(e.name, []);
      marks.get(e.name).push(e.ts);
    }
  }
  // The thread's top-level slices: every complete event not inside another (a task, and
  // the microtask checkpoints and script evaluations that run outside any task).
  const all = events
    .filter((e) => e.pid === hit.pid && e.tid === hit.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  let end = -Infinity;
  for (const e of all) {
    if (e.ts >= end) {
      tasks.push(e);
      end = e.ts + e.dur;
    }
  }
  return { pid: hit.pid, tid: hit.tid, marks, tasks };
}

/**
 * Main-thread time between two trace timestamps (µs): wall (ms), CPU (thread time of the
 * tasks, ms, a task across an edge counted in proportion) and the longest task (ms).
 */
export function window_(thread, from, to) {
  let cpu = 0;
  let longest = 0;
  let tasks = 0;
  for (const t of thread.tasks) {
    const start = t.ts;
    const end = t.ts + (t.dur || 0);
    if (end <= from || start >= to) continue;
    const dur = t.dur || 0;
    const overlap = Math.min(end, to) - Math.max(start, from);
    const share = dur > 0 ? overlap / dur : 0;
    cpu += (t.tdur ?? t.dur ?? 0) * share;
    longest = Math.max(longest, dur);
    tasks++;
  }
  return { wall: (to - from) / 1000, cpu: cpu / 1000, longest: longest / 1000, tasks };
}

/** The longest task (ms) and the tasks over `limit` ms between two timestamps. */
export function longTasks(thread, from, to, limit = 50) {
  const over = thread.tasks.filter((t) => t.ts >= from && t.ts < to && (t.dur || 0) / 1000 > limit);
  const longest = thread.tasks
    .filter((t) => t.ts >= from && t.ts < to)
    .reduce((m, t) => Math.max(m, (t.dur || 0) / 1000), 0);
  return { longest, over: over.length };
}

/** Median, best and worst of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, worst: sorted[sorted.length - 1], best: sorted[0], n: sorted.length };
}

/** Waits `ms`. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
