// Makes the engine's memory snapshot the way a reader's browser makes it after
// the checker's first start (docs/assets/javascripts/checker-worker.mjs), restores
// it into a second Pyodide, and checks that both give the same reply to every
// vignette. Prints, as JSON, how big the snapshot's heap is and how much of it
// is in use, for the pyodide_runtime hook to check against the limit at which
// restoring fails (Pyodide issue 6254), and the level the restored engine gives
// each vignette beside its expected one, which the hook checks too.
//
// Usage: node build_scripts/check_snapshot.mjs PYODIDE_DIR SITE_RUNTIME_DIR PACKAGE VIGNETTES STDLIB_ZIP
import { bridge, snapshotHeapBytes } from "../docs/assets/javascripts/checker-engine.mjs";
import { argumentsOf, installFromSite, pyodideLoader, readVignettes } from "./engine_in_node.mjs";

const { runtime, siteRuntime, packageName, vignettesFile, STDLIB_ZIP: stdlib } =
  argumentsOf("check_snapshot.mjs", "STDLIB_ZIP");
const loader = await pyodideLoader(runtime);
const { loadPyodide } = loader;
const options = { ...loader.options, stdLibURL: stdlib };

const first = await loadPyodide({ ...options, _makeSnapshot: true });
const reply = await installFromSite(first, siteRuntime, packageName);
const snapshot = first.makeMemorySnapshot();
const heapBytes = snapshotHeapBytes(snapshot);
const heapInUse = first._module._sbrk(0);

const restored = bridge(await loadPyodide({ ...options, _loadSnapshot: snapshot }));
const vignettes = readVignettes(vignettesFile);
const differing = [];
const levels = vignettes.map((vignette) => {
  const answers = JSON.stringify(vignette.answers);
  const restoredReply = restored(answers);
  if (restoredReply !== reply(answers)) differing.push(vignette.id);
  const { result, invalid } = JSON.parse(restoredReply);
  return { id: vignette.id, expect: vignette.expect,
           got: result ? result.level : `its answers refused (${invalid.message})` };
});

console.log(JSON.stringify({ heap_bytes: heapBytes, heap_in_use: heapInUse,
                             vignettes: vignettes.length, differing, levels }));
