// Records which standard-library modules the checker's engine loads, and writes
// them, compiled, as the engine's own standard-library zip.
//
// Pyodide boots with its complete standard library; the checker is installed as
// the page installs it (docs/assets/javascripts/checker-engine.mjs) and assesses
// every vignette in every language it speaks (a catalog is read only when its
// language is first asked for), valid or not; then build_scripts/stdlib_zip.py, run in this
// same interpreter, writes the modules loaded so far to OUTPUT_ZIP and prints
// their names as JSON.
//
// Usage: node build_scripts/trim_stdlib.mjs PYODIDE_DIR SITE_RUNTIME_DIR PACKAGE VIGNETTES OUTPUT_ZIP
import { readFileSync, writeFileSync } from "node:fs";

import { argumentsOf, installFromSite, pyodideLoader, readVignettes } from "./engine_in_node.mjs";

const { runtime, siteRuntime, packageName, vignettesFile, OUTPUT_ZIP: output } =
  argumentsOf("trim_stdlib.mjs", "OUTPUT_ZIP");
const { loadPyodide, options } = await pyodideLoader(runtime);

const pyodide = await loadPyodide(options); // the complete standard library
const reply = await installFromSite(pyodide, siteRuntime, packageName);
const languages = pyodide.runPython("import checker.i18n; list(checker.i18n.LANGUAGES)").toJs();
for (const vignette of readVignettes(vignettesFile)) {
  for (const language of languages) reply(JSON.stringify(vignette.answers), language);
}
// The paths the page never takes with a vignette: answers that are not valid, and not JSON.
reply("{}");
reply("[");

pyodide.FS.writeFile("/tmp/stdlib_zip.py", readFileSync(new URL("stdlib_zip.py", import.meta.url)));
const names = pyodide.runPython(`
import sys
engine_modules = dict(sys.modules)  # before this script's own imports
sys.path.insert(0, "/tmp")
import stdlib_zip
archive = stdlib_zip.standard_library_archive()
names = stdlib_zip.loaded_from(archive, engine_modules)
stdlib_zip.write_trimmed(archive, names, "/tmp/trimmed.zip")
names
`).toJs();
writeFileSync(output, pyodide.FS.readFile("/tmp/trimmed.zip"));
console.log(JSON.stringify(names));
