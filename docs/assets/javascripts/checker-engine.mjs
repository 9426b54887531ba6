// What the page's worker and the site build both do to a booted Pyodide to make
// it the checker's engine: install the checker's wheel, once its sha256 matches
// pyodide-lock.json, and find the checker's bridge. The build runs this same file
// in Node to record the standard library the engine loads and to check its
// snapshot, so what it checks is what the page runs.

// Return the lock file's entry for the package; a clear error if it is missing.
export function wheelEntry(lock, packageName) {
  const entry = lock.packages && lock.packages[packageName];
  if (!entry) throw new Error(`pyodide-lock.json does not list ${packageName}`);
  return entry;
}

export async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Unpack the wheel into site-packages once its sha256 matches the lock's entry, and
// return the bridge. (Not loadPackage: a package it has loaded cannot be part of a
// memory snapshot, Pyodide issue 6418.)
export async function installChecker(pyodide, wheel, entry) {
  if ((await sha256Hex(wheel)) !== entry.sha256) {
    throw new Error(`${entry.file_name} failed its sha256 check`);
  }
  pyodide.unpackArchive(wheel, "wheel");
  return bridge(pyodide);
}

// The checker's bridge (checker.json_text.assess_reply, tested in CPython): answers
// as JSON text in; the result, or the problem and the field it names, as JSON text out.
export function bridge(pyodide) {
  return pyodide.pyimport("checker.json_text").assess_reply;
}

// The bytes of the heap in a memory snapshot of Pyodide (a Uint8Array): its header gives
// where the heap starts (Pyodide's src/js/snapshot.ts), read where the snapshot's own
// bytes start in their buffer.
export function snapshotHeapBytes(snapshot) {
  const header = new DataView(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
  return snapshot.byteLength - header.getUint32(4, true);
}

// True if the engine answers as the checker does: it refuses empty answers, by name.
export function answersLikeTheChecker(reply) {
  const invalid = JSON.parse(reply("{}")).invalid;
  return Boolean(invalid && invalid.message);
}
