"""The back map on the checker page: a drawing of the back, seen from behind,
whose areas tick the ``pain_areas`` answers.

The drawing is made at build time from the question's choices: each choice value
has one area here (one or more SVG paths, in the coordinates of VIEW_BOX, and
where its name is written), and the build stops if a choice has no area or an
area has no choice. The words on the map are the choices' own labels, so the
map cannot drift from the checkboxes it stands beside.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from checker.questions import QUESTIONS_BY_ID, Question

# The question whose answers the map sets.
QUESTION = "pain_areas"

# Width and height of the drawing. Drawn 260 px wide on a phone (site.css), the
# smallest area is about 45 px tall: a target a thumb can hit.
VIEW_BOX = (200, 272)

# The outline the areas sit on: the head, and the body from the neck to the hips.
OUTLINE = (
    "M 82 22 a 18 21 0 1 0 36 0 a 18 21 0 1 0 -36 0 Z",
    "M 87 36 L 85 58 C 70 64 44 64 28 74 C 18 80 16 96 22 108 C 28 140 34 170 40 196 "
    "C 36 214 32 232 34 250 L 36 270 L 164 270 L 166 250 C 168 232 164 214 160 196 "
    "C 166 170 172 140 178 108 C 184 96 182 80 172 74 C 156 64 130 64 115 58 L 113 36 Z",
)

# The longest line of a name written on the map, in characters.
LABEL_WIDTH = 11
# The distance between the lines of a name, in the drawing's units.
LINE_HEIGHT = 12


@dataclass(frozen=True)
class Area:
    """Where one answer is on the drawing: its shapes, and where its name goes."""

    paths: tuple[str, ...]
    labels_at: tuple[tuple[int, int], ...]


# One area per choice of the question, keyed by the choice's value.
AREAS = {
    "neck": Area(("M 86 42 L 114 42 L 117 60 C 124 64 132 66 138 68 L 138 78 L 62 78 "
                  "L 62 68 C 68 66 76 64 83 60 Z",), ((100, 64),)),
    "upper_back": Area(("M 50 82 L 150 82 L 146 128 L 54 128 Z",), ((100, 106),)),
    "ribs": Area(("M 32 132 L 64 132 L 64 184 L 40 184 C 36 166 33 150 32 132 Z",
                  "M 168 132 L 136 132 L 136 184 L 160 184 C 164 166 167 150 168 132 Z"),
                 ((49, 159), (151, 159))),
    "mid_back": Area(("M 68 132 L 132 132 L 132 184 L 68 184 Z",), ((100, 159),)),
    "lower_back": Area(("M 44 188 L 156 188 L 160 230 L 40 230 Z",), ((100, 210),)),
    "tailbone": Area(("M 80 234 L 120 234 L 100 270 Z",), ((100, 247),)),
}


def check_areas(question: Question, areas: dict[str, Area]) -> None:
    """Raise ValueError unless every choice of ``question`` has exactly one area
    and every area belongs to a choice."""
    choices, drawn = set(question.values), set(areas)
    problems = []
    if choices - drawn:
        problems.append(f"choices with no area: {sorted(choices - drawn)}")
    if drawn - choices:
        problems.append(f"areas with no choice: {sorted(drawn - choices)}")
    if problems:
        raise ValueError(f"the back map does not match the question {question.id!r}: "
                         + "; ".join(problems))


def short_label(label: str) -> str:
    """Return a choice's label without its explanation in brackets."""
    return label.split(" (")[0]


def label_lines(label: str, x: int, y: int) -> list[dict[str, Any]]:
    """Return a name written at (x, y) as lines, centred on that point."""
    lines = textwrap.wrap(short_label(label), LABEL_WIDTH)
    top = y - (len(lines) - 1) * LINE_HEIGHT / 2
    return [{"x": x, "y": top + index * LINE_HEIGHT, "text": line}
            for index, line in enumerate(lines)]


def map_data(question: Question | None = None,
             areas: dict[str, Area] | None = None) -> dict[str, Any]:
    """Return what the form template draws the map from, in the order of the
    question's choices; raise ValueError if the areas and the choices differ."""
    question = question or QUESTIONS_BY_ID[QUESTION]
    areas = AREAS if areas is None else areas
    check_areas(question, areas)
    return {
        "view_box": f"0 0 {VIEW_BOX[0]} {VIEW_BOX[1]}",
        "outline": OUTLINE,
        "areas": [
            {"value": value, "paths": areas[value].paths,
             "lines": [line for x, y in areas[value].labels_at
                       for line in label_lines(label, x, y)]}
            for value, label in question.choices
        ],
    }
