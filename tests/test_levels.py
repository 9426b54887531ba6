"""The levels: the most urgent of several wins, and none means self-care. (Each
level's words in a result, and its sentence about more massage, are tested in
test_result.py and test_facts_in_one_place.py.)"""

from __future__ import annotations

import pytest

from checker.levels import most_urgent


@pytest.mark.parametrize(("levels", "expected"), [
    ([], "self_care"),
    (["doctor"], "doctor"),
    (["doctor", "emergency", "urgent"], "emergency"),
    (["self_care", "doctor"], "doctor"),
    (["urgent", "doctor"], "urgent"),
])
def test_most_urgent(levels, expected):
    assert most_urgent(levels) == expected
