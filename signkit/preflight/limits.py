"""How much of one file the preflight reads, and what it says when a file asks for more.

``signkit preflight`` is given files from anywhere, and a PDF of a few kilobytes can
ask for gigabytes of memory or hours of work (issue 14: nested forms that draw each
other twice at every level, a Flate stream that inflates a millionfold, twenty million
operators, a hundred thousand pages).  Each cost is therefore charged against a limit
**before** it is paid (:mod:`signkit.pdfkit.budget`), and a file that reaches one is
reported — what, where, the limit — as SK613, with everything checked before it; the
file is not passed, because what was not seen was not checked.

The limits sit far above what print files need: a board signkit renders has about
7,000 tokens and 1,000 kept instructions on its page, a designer's sign a few hundred
thousand tokens.  Together they keep a hostile file under a few seconds and well under
500 MB (``benchmarks/hostile_bench.py`` measures it; docs/security.md lists them).
"""

from __future__ import annotations

from signkit.pdfkit.budget import Limit, Limits

#: Decoded content-stream bytes read, all streams of the file together, each once: qpdf parses
#: about 50 MB of content a second, and a stream is held twice while it is parsed (~130 MB at most);
#: a print file's pages are rarely more than a few megabytes of content.
MAX_CONTENT_BYTES = 64 * 1024 * 1024
#: Tokens handed to qpdf's parser, counted from the decoded bytes before it sees them: parsing costs
#: about a microsecond a token (four for one kept as an instruction, ~300 bytes each), so a million
#: bound the parse to about a second — and, all kept, four seconds and ~300 MB.
MAX_TOKENS = 1_000_000
#: Instructions walked, each counted with its operands, a form's every time it is drawn: the walk
#: spends 2–8 µs on each, so 300,000 stop forms that multiply each other within about two seconds.
MAX_OPERATORS = 300_000
#: Forms drawn, counted every time: a draw costs 100–170 µs (its resources, matrix, guards), so forms of
#: two instructions drawing each other twice per level would run for minutes within any operator budget.
MAX_FORM_DRAWS = 5_000
#: Forms within forms followed: more is never drawn by a real exporter, and each level is a Python frame.
MAX_DEPTH = 32
#: The file's document budget.
LIMITS = Limits(content_bytes=MAX_CONTENT_BYTES, tokens=MAX_TOKENS, operators=MAX_OPERATORS,
                form_draws=MAX_FORM_DRAWS, depth=MAX_DEPTH, whole_streams=True)

#: Pages checked: each costs about a millisecond to walk, and qpdf's own list of pages costs 60 µs and
#: 3 KB a page before any is checked — so the page tree is walked here, and stops after this many.
#: signkit's largest print file (the sheets of ganged pocket cards) has a few hundred.
MAX_PAGES = 1_000
#: Objects a damaged file may hold for qpdf to rebuild its cross-reference table by scanning the file
#: (counted as ``obj`` keywords, two per object, before it tries): rebuilding costs ~20 µs an object.
MAX_REPAIR_OBJECTS = 100_000

HINT_LIMIT = "文件可能被恶意构造（层层重复绘制的表单、解压炸弹等），或过于复杂；请从设计软件重新导出、拆分或简化后再检查"


def exceeded(limit: Limit, limits: Limits = LIMITS) -> str:
    """What reaching ``limit`` of ``limits`` means, in the user's words."""
    return {
        "content_bytes": f"解压后的内容流超过 {limits.content_bytes // 1024 // 1024} MB 的检查上限",
        "tokens": f"内容流中的数字和指令超过 {limits.tokens:,} 个的检查上限",
        "operators": f"执行的绘图指令（连同参数）超过 {limits.operators:,} 个的检查上限（表单每绘制一次都计入）",
        "form_draws": f"表单绘制超过 {limits.form_draws:,} 次的检查上限（表单层层重复绘制）",
    }[limit]
