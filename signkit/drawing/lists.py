"""Numbered lists as the 附表 print them: （一）…；（二）…； with a hanging number.

Shared by 2-3, 2-4 and 2-5, so every board numbers and punctuates its lists the same
way.  Whatever the user ended an item with (；;。，, or nothing) becomes the 附表's
"；" — the last item too, as the 附表 samples show.
"""

from __future__ import annotations

from signkit.drawing.numbering import numbered
from signkit.drawing.text import Para

#: Trailing punctuation the user may have typed; every item ends in the 附表's "；" instead.
TRAILING = "；;。，,.、 \u3000"


def list_item(text: str) -> str:
    """An item's text with the user's trailing punctuation replaced by "；"."""
    return text.strip().rstrip(TRAILING) + "；"


def numbered_list(items: list[str]) -> list[Para]:
    """（一）…；（二）…； as hanging paragraphs."""
    return [Para(list_item(item), numbered(n)) for n, item in enumerate(items, start=1)]
