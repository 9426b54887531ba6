// Runs the Python triage engine in Pyodide, off the page's main thread.
// The triage itself is all Python (the `checker` package); this file starts
// Pyodide with the engine's own standard library (engine.json), installs the
// checker's wheel once its sha256 matches pyodide-lock.json, and passes JSON in
// and out.
//
// After an ordinary start it keeps a memory snapshot of the engine in this
// browser's Cache Storage, made before the engine has seen any answers; later
// visits restore it instead of starting Python again. A missing, damaged or
// outdated snapshot only means an ordinary start (which keeps a new one).
import { answersLikeTheChecker, bridge, installChecker, sha256Hex, snapshotHeapBytes, wheelEntry } from "./checker-engine.mjs";
import { RUNTIME, SNAPSHOT_CACHE } from "./engine-layout.mjs";

const runtime = new URL(RUNTIME, import.meta.url);

// Where this browser keeps its snapshot of the engine: one cache for this copy of
// the site (its name carries the site's path, as the service worker's caches carry
// its scope, so that two copies on one origin keep their own), one entry whose
// header names the engine it was made from. (The service worker leaves it alone.)
const SNAPSHOTS = `${SNAPSHOT_CACHE}@${new URL("../", runtime).pathname}`;
const SNAPSHOT = new URL("engine-snapshot.bin.gz", runtime).href;
const MADE_FROM = "X-Engine";

let engine = null;
let started = false;
let restoring = false;
const timings = {};
const mark = (name, since) => { timings[name] = Math.round(performance.now() - since); };
const message = (error) => String(error && error.message || error);

// Pyodide can fail to start without rejecting: a failed download may be left
// unhandled, and a WebAssembly module it could not fetch or compile is only a
// warning on the console, after which it never finishes. While the engine starts,
// either means it will not start. (A failed restore is followed by an ordinary
// start, which meets the same failure if it is real.)
let startError = null;
let failStart;
const startFailed = new Promise((resolve, reject) => {
  failStart = (error) => { startError = startError || error; reject(error); };
});
startFailed.catch(() => {}); // raced against each start below
self.addEventListener("unhandledrejection", (event) => {
  if (!started && !restoring) failStart(event.reason);
});
const warn = console.warn;
console.warn = (...args) => {
  if (!started && String(args[0]).startsWith("wasm instantiation failed")) {
    failStart(new Error("Pyodide's WebAssembly could not be fetched or compiled"));
  }
  warn.apply(console, args);
};
const pyodideModule = import(new URL("pyodide.mjs", runtime).href);
const loaded = (options) => Promise.race(
  [pyodideModule.then(({ loadPyodide }) => loadPyodide(options)), startFailed]);

// Past the browser's HTTP cache, which may hold another deployment's copy for ten
// minutes: the manifests name the engine's other files, by version and sha256.
async function fetched(name, read, cache = "no-cache") {
  const response = await fetch(new URL(name, runtime), { cache });
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return read(response);
}

// Asked for as soon as this worker runs, before the page's start message comes: the
// manifests, Pyodide's JavaScript (loadPyodide imports this same module later),
// and this browser's snapshot of the engine with its bytes, being read.
const pyodideScript = import(new URL("pyodide.asm.mjs", runtime).href);
const manifests = Promise.all([
  fetched("engine.json", (response) => response.json()),
  fetched("pyodide-lock.json", (response) => response.json()),
]);
const keptSnapshot = typeof caches === "undefined" ? Promise.resolve({ found: false }) // plain http
  : caches.match(SNAPSHOT, { cacheName: SNAPSHOTS }).then((kept) => {
    if (!kept) return { found: false };
    // gzip's CRC-32 refuses a damaged copy before Pyodide restores it.
    const snapshot = new Response(kept.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    snapshot.catch(() => {}); // Pyodide awaits it, later, and fails with it
    return { found: true, madeFrom: kept.headers.get(MADE_FROM), snapshot };
  });
for (const early of [pyodideModule, pyodideScript, manifests, keptSnapshot]) early.catch(() => {}); // met in start()

async function start(packageName, useSnapshot) {
  const since = performance.now();
  const keepsSnapshots = useSnapshot && typeof caches !== "undefined"; // not on plain http
  const [manifest, lock] = await manifests;
  const entry = wheelEntry(lock, packageName);
  const madeFrom = `pyodide ${manifest.pyodide}; stdlib ${manifest.stdlib_sha256}; wheel ${entry.sha256}`;
  const options = { indexURL: runtime.href, stdLibURL: new URL(manifest.stdlib, runtime).href,
                    lockFileContents: lock };

  if (keepsSnapshots) {
    restoring = true;
    try {
      const reply = await restore(await keptSnapshot, options, madeFrom);
      if (reply) {
        timings.snapshot = true;
        mark("boot", since);
        return reply;
      }
      timings.snapshotSkipped = "no snapshot kept yet";
    } catch (error) {
      if (startError) throw startError; // not the snapshot's fault
      timings.snapshotSkipped = message(error);
      await caches.delete(SNAPSHOTS).catch(() => {});
    } finally {
      restoring = false;
    }
  }
  timings.snapshot = false;
  const wheel = wheelOf(entry);
  wheel.catch(() => {}); // awaited below, where a failure stops the start
  const pyodide = await loaded({ ...options, _makeSnapshot: keepsSnapshots });
  mark("boot", since);
  const step = performance.now();
  const reply = await installChecker(pyodide, await wheel, entry);
  mark("install", step);
  // Made now, before the engine answers anything: a reader's answers never reach it.
  if (keepsSnapshots) keep(pyodide.makeMemorySnapshot(), madeFrom, manifest.heap_limit);
  return reply;
}

// The checker's wheel, as the lock file names it: revalidated first, then, if the copy
// the browser had is not the one the lock names (another deployment's), downloaded whole.
async function wheelOf(entry) {
  for (const cache of ["no-cache", "reload"]) {
    const bytes = await fetched(entry.file_name, (response) => response.arrayBuffer(), cache);
    if ((await sha256Hex(bytes)) === entry.sha256) return bytes;
  }
  throw new Error(`${entry.file_name} failed its sha256 check`);
}

// Return the engine restored from the snapshot this browser kept, or null if it kept
// none. Throws if the snapshot is damaged or was made from another engine.
async function restore(kept, options, madeFrom) {
  if (!kept.found) return null;
  if (kept.madeFrom !== madeFrom) {
    throw new Error("the kept snapshot was made from another version of the engine");
  }
  // Restored from while the rest of it is read.
  const pyodide = await loaded({ ...options, _loadSnapshot: kept.snapshot });
  // Not the random state the first start had.
  pyodide.runPython("import random; random.seed()");
  const reply = bridge(pyodide);
  if (!answersLikeTheChecker(reply)) throw new Error("the engine restored from the snapshot does not answer");
  return reply;
}

// Keep the snapshot for the next visit, unless its heap outgrew the memory Pyodide
// restores into (pyodide issue 6254; the build fails before the engine it checks
// comes near that). A worker of its own compresses and stores it
// (checker-snapshot-keeper.mjs), so that the engine goes on answering meanwhile.
function keep(snapshot, madeFrom, heapLimit) {
  const since = performance.now();
  const done = (outcome) => self.postMessage({ type: "snapshot", ...outcome,
                                               ms: Math.round(performance.now() - since) });
  const heap = snapshotHeapBytes(snapshot);
  if (heap > heapLimit) {
    return done({ kept: false, reason: `its heap of ${heap} bytes would not fit the ${heapLimit} a restore has` });
  }
  try {
    const keeper = new Worker(new URL("checker-snapshot-keeper.mjs", import.meta.url), { type: "module" });
    keeper.onmessage = ({ data }) => done(data);
    keeper.onerror = (event) => done({ kept: false, reason: event.message || "its keeper did not start" });
    keeper.postMessage({ snapshot, cache: SNAPSHOTS, url: SNAPSHOT,
                         headers: { "Content-Type": "application/gzip", [MADE_FROM]: madeFrom } },
                       [snapshot.buffer]);
  } catch (error) {
    done({ kept: false, reason: message(error) });
  }
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    engine = engine || start(data.package, data.snapshot !== false);
    try {
      await engine;
      started = true;
      timings.downloads = performance.getEntriesByType("resource").map((entry) => ({
        file: entry.name.split("/").pop(), ms: Math.round(entry.duration), bytes: entry.transferSize,
      }));
      // Which checker this engine is: the page compares it with its own.
      const [manifest] = await manifests;
      self.postMessage({ type: "ready", timings, build: manifest.checker_build });
    } catch (error) {
      self.postMessage({ type: "failed", message: message(error) });
    }
    return;
  }
  if (data.type === "assess") {
    try {
      const reply = await engine;
      self.postMessage({ type: "answer", id: data.id, ...JSON.parse(reply(data.answers, data.language || "en")) });
    } catch (error) {
      self.postMessage({ type: "answer", id: data.id, failed: message(error) });
    }
  }
};
