// Runs the Python triage engine in Pyodide, off the page's main thread.
// The triage itself is all Python (the `checker` package); this file only
// starts Pyodide, loads the package by name (its sha256 is checked against
// pyodide-lock.json) and passes JSON in and out.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;

let engine = null;
let started = false;
const timings = {};
const mark = (name, since) => { timings[name] = Math.round(performance.now() - since); };

// Pyodide can leave a failed download unhandled instead of rejecting; while the
// engine starts, any such failure means it will not start.
self.addEventListener("unhandledrejection", (event) => {
  if (!started) self.postMessage({ type: "failed", message: String(event.reason && event.reason.message || event.reason) });
});

// The start-up snapshot (see build_scripts/make_snapshot.mjs), once its sha256
// matches snapshot.json, decompressed.
async function snapshotBytes() {
  const manifest = await (await fetch(new URL("snapshot.json", indexURL))).json();
  const packed = await (await fetch(new URL(manifest.file, indexURL))).arrayBuffer();
  const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", packed))]
    .map((byte) => byte.toString(16).padStart(2, "0")).join("");
  if (digest !== manifest.sha256) throw new Error(`${manifest.file} failed its sha256 check`);
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

async function bootPyodide(useSnapshot) {
  const since = performance.now();
  if (useSnapshot) {
    try {
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshotBytes() });
      pyodide.runPython("import random; random.seed()"); // not the state saved at build time
      timings.snapshot = true;
      mark("boot", since);
      return pyodide;
    } catch (error) {
      // A missing or damaged snapshot costs time, never the checker.
      timings.snapshotError = String(error && error.message || error);
    }
  }
  const pyodide = await loadPyodide({ indexURL });
  timings.snapshot = false;
  mark("boot", since);
  return pyodide;
}

async function start(packageName, useSnapshot) {
  const pyodide = await bootPyodide(useSnapshot);
  let since = performance.now();
  await pyodide.loadPackage(packageName, { checkIntegrity: true, messageCallback: () => {} });
  mark("wheel", since);
  since = performance.now();
  // The checker's own bridge, tested in CPython: answers as JSON text in; the result,
  // or the problem with the answers and the field it names, as JSON text out.
  const assessReply = pyodide.pyimport("checker.json_text").assess_reply;
  mark("import", since);
  timings.downloads = performance.getEntriesByType("resource").map((entry) => ({
    file: entry.name.split("/").pop(), ms: Math.round(entry.duration), bytes: entry.transferSize,
  }));
  return assessReply;
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    engine = engine || start(data.package, data.snapshot !== false);
    try {
      await engine;
      started = true;
      self.postMessage({ type: "ready", timings });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error && error.message || error) });
    }
    return;
  }
  if (data.type === "assess") {
    try {
      const assessReply = await engine;
      self.postMessage({ type: "answer", id: data.id, ...JSON.parse(assessReply(data.answers)) });
    } catch (error) {
      self.postMessage({ type: "answer", id: data.id, failed: String(error && error.message || error) });
    }
  }
};
