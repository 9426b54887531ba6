"""Command line: ``python -m checker assess [--language ru] [FILE]`` and
``python -m checker questions``.

Output is JSON on standard output. Any bad input gives exactly one line on
standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

from .answers import InvalidAnswers
from .i18n import LANGUAGES, SOURCE_LANGUAGE
from .json_text import assess_json
from .questions import QUESTIONS, SECTIONS

USAGE_ERROR = 2

EXAMPLE = """\
example:
  echo '{"hours_since_massage": 20, "severity": 4}' | python -m checker assess
  python -m checker assess --language ru answers.json

Only hours_since_massage (0-8760) and severity (0-10) are required; see
'python -m checker questions' for every field, its allowed values and default.
Exit status: 0 with the result as JSON, 2 with one line on stderr for bad input."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        fail(message)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = Parser(
        prog="python -m checker",
        description="Triage back or neck pain after a massage: how soon to get help, and why.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    assess = commands.add_parser(
        "assess", help="read answers as JSON and print the result as JSON",
        description="Read answers as a JSON object from FILE (or standard input) and print "
                    "the result as JSON.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    assess.add_argument("file", nargs="?", metavar="FILE", default="-",
                        help="a JSON file of answers; '-' or nothing for standard input")
    assess.add_argument("--language", choices=LANGUAGES, default=SOURCE_LANGUAGE,
                        help=f"the language of the result's words (default {SOURCE_LANGUAGE}); "
                             "the level and the rules are the same in every language")
    commands.add_parser("questions", help="print the questions and their allowed answers as JSON")
    arguments = parser.parse_args(argv)

    if arguments.command == "questions":
        write_out(json.dumps({"sections": [vars(section) for section in SECTIONS],
                              "questions": [question.to_dict() for question in QUESTIONS]},
                             indent=2, ensure_ascii=False))
        return 0
    try:
        write_out(assess_json(read_text(arguments.file), arguments.language))
    except InvalidAnswers as error:
        fail(str(error))
    return 0


def read_text(name: str) -> str:
    """Return the UTF-8 text of a file, or of standard input for '-'."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as file:
                data = file.read()
    except OSError as error:
        fail(f"cannot read {name}: {error.strerror or error}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{'standard input' if name == '-' else name} is not UTF-8 text")


def write_out(text: str) -> None:
    """Write text and a newline to standard output as UTF-8, whatever the locale."""
    sys.stdout.flush()
    sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    sys.stdout.buffer.flush()


def fail(message: str) -> NoReturn:
    """Print one line, 'error: <message>', on standard error and exit with status 2."""
    print("error: " + " ".join(message.split()), file=sys.stderr)
    sys.exit(USAGE_ERROR)


if __name__ == "__main__":
    sys.exit(main())
