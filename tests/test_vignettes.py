"""The case vignettes (checker/data/vignettes.json), read and checked by
build_scripts/vignettes.py for the build and the tests: a malformed file stops
whatever reads it, naming the vignette and what is wrong."""

from __future__ import annotations

import json

import pytest

from build_scripts.vignettes import VIGNETTES_FILE, load_vignettes
from checker.levels import LEVEL_IDS

GOOD = {"id": "V01", "story": "A first deep-tissue massage.",
        "answers": {"hours_since_massage": 20, "severity": 4}, "expect": "self_care"}


def test_the_checkers_vignettes_are_read_with_an_expected_level_each():
    vignettes = load_vignettes()
    assert VIGNETTES_FILE.parent.parent.name == "checker"
    assert len(vignettes) == len(json.loads(VIGNETTES_FILE.read_text(encoding="utf-8")))
    assert {vignette["expect"] for vignette in vignettes} == set(LEVEL_IDS)


@pytest.mark.parametrize(("content", "message"), [
    ("[", r"bad\.json: cannot be read: "),
    ("[]", r"bad\.json: must be a non-empty list of vignettes"),
    ({"V01": GOOD}, r"bad\.json: must be a non-empty list of vignettes"),
    ([{**GOOD, "note": "x"}], r"vignette 1 must have exactly the fields \['id', 'story', "),
    ([{key: value for key, value in GOOD.items() if key != "story"}],
     r"vignette 1 must have exactly the fields"),
    ([{**GOOD, "answers": []}], r"vignette 1: 'answers' must be a dict"),
    ([{**GOOD, "id": 1}], r"vignette 1: 'id' must be a str"),
    ([GOOD, GOOD], r"vignette 2: the id 'V01' is used twice"),
    ([{**GOOD, "expect": "soon"}],
     r"vignette 1 \(V01\): 'expect' must be one of \['emergency', .*\], not 'soon'"),
])
def test_a_malformed_vignettes_file_is_refused_naming_what_is_wrong(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_vignettes(bad)
