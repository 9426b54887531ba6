// Prints the checker's reply to every vignette as the built site's engine gives it:
// Pyodide, the checker's wheel (sha256 checked against pyodide-lock.json) and the
// engine's own standard library, all from the built site, in one Node process.
// Prints, as JSON, a list of {id, language, answers, reply}: the vignette's id, the
// language asked for (its "language", else English), the answers as the JSON text the
// engine was given, and its reply (checker.json_text.assess_reply), for
// tests/test_engine_in_pyodide.py to compare with CPython's.
//
// Usage: node build_scripts/engine_replies.mjs PYODIDE_DIR SITE_RUNTIME_DIR PACKAGE VIGNETTES STDLIB_ZIP
// (for the built site, PYODIDE_DIR and SITE_RUNTIME_DIR are both site/pyodide).
import { argumentsOf, installFromSite, pyodideLoader, readVignettes } from "./engine_in_node.mjs";

const { runtime, siteRuntime, packageName, vignettesFile, STDLIB_ZIP: stdlib } =
  argumentsOf("engine_replies.mjs", "STDLIB_ZIP");
const { loadPyodide, options } = await pyodideLoader(runtime);

const pyodide = await loadPyodide({ ...options, stdLibURL: stdlib });
const reply = await installFromSite(pyodide, siteRuntime, packageName);
const replies = readVignettes(vignettesFile).map((vignette) => {
  const answers = JSON.stringify(vignette.answers);
  const language = vignette.language ?? "en";
  return { id: vignette.id, language, answers, reply: reply(answers, language) };
});
console.log(JSON.stringify(replies));
