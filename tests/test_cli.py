"""The command line, run as a subprocess: JSON out and exit 0, or one line on
stderr and exit 2 for any bad input, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.json_text import assess_json
from checker.questions import QUESTIONS, SECTIONS

ROOT = Path(__file__).resolve().parents[1]


def run(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
    """Run ``python -m checker`` with arguments and standard input, as bytes decoded UTF-8."""
    completed = subprocess.run([sys.executable, "-m", "checker", *arguments],
                               input=stdin.encode("utf-8"), capture_output=True, cwd=ROOT,
                               env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"}, timeout=60)
    return subprocess.CompletedProcess(completed.args, completed.returncode,
                                       completed.stdout.decode("utf-8"),
                                       completed.stderr.decode("utf-8"))


def test_assess_reads_stdin_and_prints_the_result_as_json():
    completed = run("assess", stdin='{"hours_since_massage": 26, "severity": 5, "fever": "high"}')
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    result = json.loads(completed.stdout)
    assert result["level"] == "urgent"
    assert "38 °C" in completed.stdout, "UTF-8 kept as is, even in the C locale"
    assert completed.stdout.startswith('{\n  "level": "urgent"')


def test_assess_reads_a_file(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"hours_since_massage": 5, "severity": 5, "chest_symptoms": true}',
                    encoding="utf-8")
    completed = run("assess", str(path))
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["level"] == "emergency"


# One set of answers of each level. The browser tests compare the page's results with
# assess_json's text, in-process: the command line prints exactly that.
OF_EACH_LEVEL = {
    "self_care": {"hours_since_massage": 20, "severity": 4, "massage_type": "deep_tissue"},
    "doctor": {"hours_since_massage": 100, "severity": 6, "first_massage": True},
    "urgent": {"hours_since_massage": 24, "severity": 4, "fever": "high", "cough": True},
    "emergency": {"hours_since_massage": 5, "severity": 5, "chest_symptoms": True,
                  "pain_areas": ["neck", "ribs"]},
}


@pytest.mark.parametrize("level", OF_EACH_LEVEL)
def test_assess_prints_exactly_the_text_of_assess_json(level):
    text = json.dumps(OF_EACH_LEVEL[level])
    completed = run("assess", stdin=text)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == assess_json(text) + "\n"
    assert json.loads(completed.stdout)["level"] == level


@pytest.mark.parametrize(("arguments", "stdin", "message"), [
    (["assess"], "{not json", "error: not valid JSON: Expecting property name"),
    (["assess"], "", "error: not valid JSON: Expecting value"),
    (["assess"], "[1, 2]", "error: the answers must be a JSON object, not a list"),
    (["assess"], '{"hours_since_massage": 20, "severity": 11}',
     "error: severity: must be an integer from 0 to 10, got 11"),
    (["assess"], '{"hours_since_massage": 20, "severity": 4, "sevrity": 4}',
     "error: sevrity: unknown field; did you mean severity?"),
    (["assess"], '{"hours_since_massage": 20}', "error: severity: is required but missing"),
    (["assess", "/no/such/answers.json"], "",
     "error: cannot read /no/such/answers.json: No such file or directory"),
    (["assess", "/"], "", "error: cannot read /: Is a directory"),
    (["assess", "a.json", "b.json"], "", "error: unrecognized arguments: b.json"),
    ([], "", "error: the following arguments are required: COMMAND"),
    (["judge"], "", "error: argument COMMAND: invalid choice: 'judge'"),
])
def test_bad_input_gives_one_line_on_stderr_and_exit_2(arguments, stdin, message):
    completed = run(*arguments, stdin=stdin)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.count("\n") == 1 and completed.stderr.endswith("\n")
    assert completed.stderr.startswith(message)
    assert "Traceback" not in completed.stderr


def test_a_file_that_is_not_utf8_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "answers.json"
    path.write_bytes(b'{"severity": "\xff"}')
    completed = run("assess", str(path))
    assert (completed.returncode, completed.stderr) == (2, f"error: {path} is not UTF-8 text\n")


@pytest.mark.parametrize("arguments", [["--help"], ["assess", "--help"]])
def test_help_explains_and_shows_the_example(arguments):
    completed = run(*arguments)
    assert completed.returncode == 0
    assert ("""echo '{"hours_since_massage": 20, "severity": 4}' | python -m checker assess"""
            in completed.stdout)


def test_questions_prints_the_question_data_as_json():
    completed = run("questions")
    assert completed.returncode == 0
    data = json.loads(completed.stdout)
    assert data == {"sections": [vars(section) for section in SECTIONS],
                    "questions": [question.to_dict() for question in QUESTIONS]}
    severity = next(question for question in data["questions"] if question["id"] == "severity")
    assert [band["word"] for band in severity["bands"]] == ["no pain", "mild", "moderate", "severe"]
