"""A print shop's settings, made once (``signkit.toml``'s ``[print]``) and applied to every file.

Why a value of its own: large-format shops differ (no bleed because they wrap or
eyelet the board themselves, 3 mm, or a wide margin), card printers all want 3 mm,
and a digital press cannot print the first 10 mm or so of a sheet.  What a shop
tells signkit once travels from the config file through the render options into
every worker, so it must be a small, frozen, picklable value; it lives in the render
stage because the renderer and the imposition (above it) both read it.

Defaults are what an independent prepress check asked for: 3 mm bleed on the pocket
card (2-5), which is cut to size and bounced without it, and 0 on the boards (most
large-format shops add their own margin); black text and thin black rules overprint;
the output intent is Coated FOGRA39 by reference; the revision stamp shows 附表, the
content hash and the revision date, with "signkit" left off the government's 2-1 boards;
imposed sheets keep marks and labels 10 mm from every paper edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from signkit.render.pdfx import FOGRA39, OutputCondition

#: Bleed (mm) of a 附表 nobody configured: the card is cut apart, the boards are not.
DEFAULT_BLEED: dict[str, float] = {"2-5": 3.0}

#: What a revision stamp can show, in the order it shows them.
STAMP_PARTS: tuple[str, ...] = ("附表", "内容", "修订", "signkit")

#: The stamp of a 附表 nobody configured: everything, but no "signkit" on the government's boards.
DEFAULT_STAMP: tuple[str, ...] = ("附表", "内容", "修订", "signkit")
GOVERNMENT_STAMP: tuple[str, ...] = ("附表", "内容", "修订")

#: Distance (mm) that marks and labels of an imposed sheet keep from every paper edge: a
#: press's gripper and the unprintable margin of digital presses are 5–10 mm.
DEFAULT_GRIPPER = 10.0

#: The key of ``[print.bleed]`` / ``[print.stamp]`` that applies to every 附表 not named.
ANY_FORM = "默认"


@dataclass(frozen=True)
class PrintSettings:
    """Bleed and stamp per 附表, black overprint, the output intent, the imposed sheets' edge margin.

    ``bleed`` and ``stamp`` hold only what the shop configured, as (附表 or
    :data:`ANY_FORM`, value) pairs; :meth:`bleed_of` and :meth:`stamp_of` add the defaults.
    An empty stamp means no stamp is printed (the content hash stays in the manifest
    and in the PDF's metadata).
    """

    bleed: tuple[tuple[str, float], ...] = ()
    stamp: tuple[tuple[str, tuple[str, ...]], ...] = ()
    overprint: bool = True
    intent: OutputCondition = FOGRA39
    gripper: float = DEFAULT_GRIPPER

    def bleed_of(self, form_id: str) -> float:
        """The configured bleed of ``form_id``, else the configured default of the boards, else :data:`DEFAULT_BLEED`.

        The card keeps its 3 mm unless ``2-5`` itself is named: :data:`ANY_FORM` is what
        a large-format shop sets for its boards, and a card printer is another shop.
        """
        configured = dict(self.bleed)
        if form_id in configured:
            return configured[form_id]
        if ANY_FORM in configured and form_id not in DEFAULT_BLEED:
            return configured[ANY_FORM]
        return DEFAULT_BLEED.get(form_id, 0.0)

    def stamp_of(self, form_id: str) -> tuple[str, ...]:
        """What the revision stamp of ``form_id`` shows (empty: no stamp)."""
        configured = dict(self.stamp)
        if form_id in configured:
            return configured[form_id]
        if ANY_FORM in configured:
            return configured[ANY_FORM]
        return GOVERNMENT_STAMP if form_id.startswith("2-1") else DEFAULT_STAMP

    def describe(self) -> dict[str, object]:
        """What shapes a file beyond the board's content, for the build hash (a change rebuilds the file)."""
        return {"overprint": self.overprint, "intent": self.intent.key}

    def identity(self) -> dict[str, object]:
        """Everything configured, JSON-able (an embedded profile by its hash), for an enterprise's input hash."""
        return {"bleed": [list(pair) for pair in self.bleed], "stamp": [[form, list(parts)] for form, parts in self.stamp],
                "gripper": self.gripper, **self.describe()}


#: Settings of a shop that configured nothing.
DEFAULT_PRINT = PrintSettings()
