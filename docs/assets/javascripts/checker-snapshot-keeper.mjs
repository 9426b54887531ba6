// Keeps a snapshot of the checker's engine in this browser's Cache Storage,
// gzip-compressed (about 4 MB instead of 30), for the next visit. It runs in a
// worker of its own, started by the engine's worker (checker-worker.mjs), so
// that compressing 30 MiB never keeps the engine from answering: the engine
// hands the snapshot over, uncopied, and goes on.
self.onmessage = async ({ data: { snapshot, cache, url, headers } }) => {
  try {
    const packed = new Blob([snapshot]).stream().pipeThrough(new CompressionStream("gzip"));
    await (await caches.open(cache)).put(url, new Response(packed, { headers }));
    self.postMessage({ kept: true });
  } catch (error) {
    self.postMessage({ kept: false, reason: String(error && error.message || error) });
  }
  self.close();
};
