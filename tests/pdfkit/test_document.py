"""Opening a PDF and finding its pages at a bounded cost: no repair of a huge file, no list of 100,000 pages."""

from __future__ import annotations

import io

import pikepdf
import pytest

from signkit.pdfkit.document import RepairRefused, document_info, open_pdf, page_tree
from tests.pdfkit import hostile


def _open(data: bytes, max_repair_objects: int = 1_000) -> pikepdf.Pdf:
    return open_pdf(data, max_repair_objects=max_repair_objects)


def test_pages_are_found_in_order_and_the_walk_stops_after_the_limit() -> None:
    with _open(hostile.many_pages(20_000)) as pdf:
        tree = page_tree(pdf, 5)
        assert len(tree.pages) == 5 and tree.more and tree.claimed == 20_000
        assert [page.objgen[0] for page in tree.pages] == [4, 5, 6, 7, 8]
        assert not tree.repeated and not tree.broken
        everything = page_tree(pdf, 20_000)
        assert len(everything.pages) == 20_000 and not everything.more


def test_a_shared_page_tree_is_followed_once_per_node() -> None:
    with _open(hostile.shared_page_tree(fanout=10, levels=5)) as pdf:  # claims 10^5 pages, has one
        tree = page_tree(pdf, 1_000)
        assert len(tree.pages) == 1 and tree.claimed == 100_000 and tree.repeated == 9 * 5 and not tree.more


def test_a_loop_and_broken_kids_are_counted_not_followed() -> None:
    data = hostile.raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                            b"<< /Type /Pages /Kids [3 0 R 2 0 R 42 null] /Count 1 >>",
                            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"])
    with _open(data) as pdf:
        tree = page_tree(pdf, 10)
    assert len(tree.pages) == 1 and tree.repeated == 1 and tree.broken == 2


def test_a_tree_of_empty_nodes_stops_after_a_bounded_walk() -> None:
    root = b"<< /Type /Pages /Kids [%s] /Count 0 >>" % b" ".join(b"%d 0 R" % (3 + k) for k in range(3_000))
    empty = [b"<< /Type /Pages /Kids [] /Count 0 >>"] * 3_000
    with _open(hostile.raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", root, *empty])) as pdf:
        tree = page_tree(pdf, 2)  # 4 × 2 + 1,000 visits, then it stops: there may be pages after them
        assert tree.pages == [] and tree.more
        assert not page_tree(pdf, 1_000).more  # 5,000 visits are enough for all 3,000


def test_document_info_is_read_without_being_created() -> None:
    with _open(hostile.huge_object_stream(0.05)) as pdf:
        count = len(pdf.objects)
        assert document_info(pdf) is None
        assert "/Info" not in pdf.trailer and len(pdf.objects) == count


def test_a_damaged_file_is_repaired_only_when_small() -> None:
    broken = hostile.broken_xref(objects=600)
    with _open(broken, max_repair_objects=1_000) as pdf:  # repaired: its pages are found
        assert len(page_tree(pdf, 10).pages) == 1
    with pytest.raises(RepairRefused) as refused:
        _open(broken, max_repair_objects=500)
    assert refused.value.markers >= 2 * 600
    with pikepdf.open(io.BytesIO(hostile.page_pdf(hostile.SQUARE))) as sound:  # a sound file opens either way
        assert len(sound.pages) == 1
    with _open(hostile.page_pdf(hostile.SQUARE), max_repair_objects=0) as pdf:
        assert len(page_tree(pdf, 10).pages) == 1
