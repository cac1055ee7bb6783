"""PNG pictures of every board of some site files: for a quick look, for the README, for a web page.

The same boards ``render`` would write, rasterised at a chosen width, into one folder per
enterprise.  Nothing is written unless every file checks clean (preview shows what will
print; a board with an error would not), and each picture is written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import describe_os_error
from signkit.fonts import FontSet
from signkit.output.atomic import LinkError, atomic_write_bytes, real_folder
from signkit.output.names import board_filename, safe_name
from signkit.pipeline.build import build_site
from signkit.pipeline.check import FileReport, check_path
from signkit.pipeline.config import SignFolder
from signkit.render.raster import png_bytes, rasterize

#: Default picture width in pixels (each board at its own resolution, so all are this wide).
DEFAULT_WIDTH = 1200


@dataclass
class PreviewOutcome:
    """What a preview made: the check reports, build problems (text that does not fit), the pictures written."""

    reports: list[FileReport] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pictures: list[Path] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """2 if a file could not be read or a picture not written, 1 if a file or a board has errors, else 0."""
        if any(r.unreadable for r in self.reports) or any(d.rule in _WRITE_RULES for d in self.diagnostics):
            return 2
        if not all(r.ok() for r in self.reports) or any(d.is_error for d in self.diagnostics):
            return 1
        return 0


def preview_files(files: Sequence[str], outdir: Path, fonts: FontSet, *, width: int = DEFAULT_WIDTH,
                  sign_folder: SignFolder | None = None) -> PreviewOutcome:
    """Check ``files``, then write a PNG of every page of every planned board into ``outdir/<enterprise>/``."""
    outcome = PreviewOutcome(reports=[check_path(name, fonts=fonts, sign_folder=sign_folder) for name in files])
    if outcome.exit_code:
        return outcome
    for report in outcome.reports:
        assert report.site is not None and report.source is not None
        result = build_site(report.site, report.source, fonts)
        if not result.ok:
            outcome.diagnostics.extend(result.diagnostics)
            return outcome
        try:
            outdir.mkdir(parents=True, exist_ok=True)  # -o names a folder that may not exist yet
            folder = real_folder(outdir, safe_name(report.site.enterprise.name))
            for built in result.boards:
                stem = board_filename(built)[:-4]
                dpi = width / (built.width / 25.4)
                for page, image in enumerate(rasterize(built.pdf, dpi), start=1):
                    suffix = f"_{page}" if len(built.board.pages) > 1 else ""
                    target = folder / f"{stem}{suffix}.png"
                    atomic_write_bytes(target, png_bytes(image))
                    outcome.pictures.append(target)
        except LinkError as planted:
            outcome.diagnostics.append(Diagnostic("SK804", Severity.ERROR, str(planted), Location(str(outdir))))
            return outcome
        except OSError as failure:
            outcome.diagnostics.append(Diagnostic(
                "SK802", Severity.ERROR, f"无法写入预览图：{describe_os_error(failure)}", Location(str(outdir)),
                "请检查输出文件夹是否可写、磁盘是否已满；已写入的预览图完整可用"))
            return outcome
    return outcome


#: The rules that say a picture could not be written (the folder, not the input, is at fault: exit 2).
_WRITE_RULES = ("SK802", "SK804")
