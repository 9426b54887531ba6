// Makes the engine's memory snapshot the way a reader's browser makes it after
// the checker's first start (docs/assets/javascripts/checker-worker.mjs), restores
// it into a second Pyodide, and checks that both give the same reply to every
// vignette. Prints, as JSON, how big the snapshot's heap is and how much of it
// is in use, for the pyodide_runtime hook to check against the limit at which
// restoring fails (Pyodide issue 6254).
//
// Usage: node build_scripts/check_snapshot.mjs PYODIDE_DIR SITE_RUNTIME_DIR PACKAGE VIGNETTES STDLIB_ZIP
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { bridge, installChecker, wheelEntry } from "../docs/assets/javascripts/checker-engine.mjs";

const [runtime, siteRuntime, packageName, vignettesFile, stdlib] = process.argv.slice(2);
if (!stdlib) {
  console.error("usage: node build_scripts/check_snapshot.mjs PYODIDE_DIR SITE_RUNTIME_DIR PACKAGE VIGNETTES STDLIB_ZIP");
  process.exit(2);
}
const bytes = (file) => new Uint8Array(readFileSync(file));
const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
const options = { indexURL: runtime + path.sep, stdLibURL: stdlib };

const first = await loadPyodide({ ...options, _makeSnapshot: true });
const lock = JSON.parse(readFileSync(path.join(siteRuntime, "pyodide-lock.json"), "utf8"));
const entry = wheelEntry(lock, packageName);
const reply = await installChecker(first, bytes(path.join(siteRuntime, entry.file_name)), entry);
const snapshot = first.makeMemorySnapshot();
// The snapshot's header gives where the heap starts (Pyodide's src/js/snapshot.ts).
const heapBytes = snapshot.length - new DataView(snapshot.buffer).getUint32(4, true);
const heapInUse = first._module._sbrk(0);

const restored = bridge(await loadPyodide({ ...options, _loadSnapshot: snapshot }));
const vignettes = JSON.parse(readFileSync(vignettesFile, "utf8"));
const differing = vignettes.filter((vignette) => {
  const answers = JSON.stringify(vignette.answers);
  return restored(answers) !== reply(answers);
}).map((vignette) => vignette.id);

console.log(JSON.stringify({ heap_bytes: heapBytes, heap_in_use: heapInUse,
                             vignettes: vignettes.length, differing }));
