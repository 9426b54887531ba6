// What the build's Node scripts (trim_stdlib.mjs, check_snapshot.mjs) share: their
// arguments, Pyodide loaded from node_modules, and the checker installed from the
// built site as the page installs it (docs/assets/javascripts/checker-engine.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { installChecker, wheelEntry } from "../docs/assets/javascripts/checker-engine.mjs";

// Return the arguments PYODIDE_DIR SITE_RUNTIME_DIR PACKAGE VIGNETTES and the last one,
// named by `last`; print the usage and exit with status 2 if any is missing.
export function argumentsOf(script, last) {
  const [runtime, siteRuntime, packageName, vignettesFile, lastValue] = process.argv.slice(2);
  if (!lastValue) {
    console.error(`usage: node build_scripts/${script} PYODIDE_DIR SITE_RUNTIME_DIR PACKAGE VIGNETTES ${last}`);
    process.exit(2);
  }
  return { runtime, siteRuntime, packageName, vignettesFile, [last]: lastValue };
}

// Return Pyodide's loadPyodide and the options every boot shares.
export async function pyodideLoader(runtime) {
  const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
  return { loadPyodide, options: { indexURL: runtime + path.sep } };
}

// Install the checker's wheel from the built site into a booted Pyodide; return its bridge.
export async function installFromSite(pyodide, siteRuntime, packageName) {
  const lock = JSON.parse(readFileSync(path.join(siteRuntime, "pyodide-lock.json"), "utf8"));
  const entry = wheelEntry(lock, packageName);
  const wheel = new Uint8Array(readFileSync(path.join(siteRuntime, entry.file_name)));
  return installChecker(pyodide, wheel, entry);
}

export const readVignettes = (file) => JSON.parse(readFileSync(file, "utf8"));
