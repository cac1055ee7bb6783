"""Comparing rendered images with committed references: zero tolerance, failures saved for a look."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops

from signkit.render.raster import png_bytes

ROOT = Path(__file__).resolve().parent.parent
FAILURES = ROOT / "tests" / "_failures"


def compare(image: Image.Image, ref: Path, *, update: bool, label: str) -> str | None:
    """Write ``ref`` when updating; otherwise a problem description, or ``None`` when pixel-identical."""
    if update:
        ref.parent.mkdir(parents=True, exist_ok=True)
        ref.write_bytes(png_bytes(image, level=9))  # committed: smallest, time does not matter
        return None
    if not ref.exists():
        return f"{label}: no reference {ref.relative_to(ROOT)} (run pytest --update-refs and review)"
    expected = Image.open(ref).convert("RGB")
    if expected.size == image.size and ImageChops.difference(expected, image).getbbox() is None:
        return None
    FAILURES.mkdir(parents=True, exist_ok=True)
    image.save(FAILURES / f"{ref.stem}.actual.png")
    if expected.size == image.size:
        ImageChops.difference(expected, image).save(FAILURES / f"{ref.stem}.diff.png")
    return f"{label} differs from {ref.relative_to(ROOT)} (see tests/_failures/{ref.stem}.*.png)"
