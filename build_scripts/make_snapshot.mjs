// Makes the checker's start-up snapshot: Pyodide booted, with the standard
// library modules the checker imports already loaded, saved as a memory
// snapshot. Restoring it in the browser skips the interpreter's start-up.
// The checker itself is not in it: the page still loads its wheel by name,
// with the sha256 in pyodide-lock.json checked.
//
// Usage: node build_scripts/make_snapshot.mjs PYODIDE_DIR OUTPUT_FILE [MODULE ...]
// where the modules are the standard library ones the checker imports (the
// pyodide_runtime hook reads them from checker/*.py).
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

// loadPackage, which the page calls for the wheel, imports this one.
const PACKAGE_LOADER = "pyodide._package_loader";

const [runtime, output, ...modules] = process.argv.slice(2);
if (!runtime || !output) {
  console.error("usage: node build_scripts/make_snapshot.mjs PYODIDE_DIR OUTPUT_FILE [MODULE ...]");
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: runtime + path.sep, _makeSnapshot: true });
pyodide.runPython(`import ${[...modules, PACKAGE_LOADER].join(", ")}`);
writeFileSync(output, pyodide.makeMemorySnapshot());
