"""How ordinary soreness after a massage usually runs, as numbers.

The rules (D4, D6, D8, U15, D5), the cold-or-warmth advice and the articles all
use these hours, so that "normal soreness is easing by two days and mostly gone
by three" means the same everywhere.
"""

from __future__ import annotations

# Ordinary soreness peaks within the first day or two and is easing by this time.
EASING_BY_HOURS = 48
# By this time it is mostly gone: pain that is not getting better needs a doctor.
GONE_BY_HOURS = 72
# Pain that is still there a week after the massage needs a doctor.
WEEK_HOURS = 168
