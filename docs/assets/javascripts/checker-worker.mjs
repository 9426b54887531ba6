// Runs the Python triage engine in Pyodide, off the page's main thread.
// The triage itself is all Python (the `checker` package); this file only
// starts Pyodide, loads the package by name (its sha256 is checked against
// pyodide-lock.json) and passes JSON in and out.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;

// JSON in, JSON out; an InvalidAnswers error comes back as its one-line message.
const BRIDGE = `
import json
from checker import InvalidAnswers, assess

def assess_json(text):
    try:
        return json.dumps({"result": assess(json.loads(text)).to_dict()}, ensure_ascii=False)
    except InvalidAnswers as error:
        return json.dumps({"invalid": str(error)}, ensure_ascii=False)

assess_json
`;

let engine = null;
let started = false;

// Pyodide can leave a failed download unhandled instead of rejecting; while the
// engine starts, any such failure means it will not start.
self.addEventListener("unhandledrejection", (event) => {
  if (!started) self.postMessage({ type: "failed", message: String(event.reason && event.reason.message || event.reason) });
});

async function start(packageName) {
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage(packageName, { checkIntegrity: true, messageCallback: () => {} });
  return pyodide.runPython(BRIDGE);
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    engine = engine || start(data.package);
    try {
      await engine;
      started = true;
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error && error.message || error) });
    }
    return;
  }
  if (data.type === "assess") {
    try {
      const assessJson = await engine;
      self.postMessage({ type: "answer", id: data.id, ...JSON.parse(assessJson(data.answers)) });
    } catch (error) {
      self.postMessage({ type: "answer", id: data.id, failed: String(error && error.message || error) });
    }
  }
};
