"""Bounded reading of content streams: never more than the room is inflated, tokens are counted before parsing."""

from __future__ import annotations

import base64
import tracemalloc
import warnings
import zlib

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signkit.pdfkit.budget import Budget, Limits
from signkit.pdfkit.decode import EXPANSION, StreamTooLarge, Undecodable, read_content, token_bound
from tests.pdfkit.hostile import _zeros_deflated

MB = 1024 * 1024
#: The document the test streams belong to (a stream lives only as long as its document).
_PDF = pikepdf.new()


def _stream(data: bytes, **keys: object) -> pikepdf.Stream:
    return pikepdf.Stream(_PDF, data, **keys)


def test_a_flate_bomb_is_inflated_only_up_to_the_room() -> None:
    bomb = _stream(_zeros_deflated(1.0), Filter=pikepdf.Name.FlateDecode)  # 1 GB of spaces in ~1 MB
    tracemalloc.start()
    try:
        with pytest.raises(StreamTooLarge):
            read_content(bomb, 4 * MB, library_filters=True)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the room (twice, as zlib's output blocks are joined) and the raw data: never the gigabyte
    assert peak < 3 * 4 * MB + 2 * len(bomb.read_raw_bytes())


def test_flate_twice_is_bounded_at_every_stage() -> None:
    double = _stream(zlib.compress(_zeros_deflated(0.5)), Filter=pikepdf.Array([pikepdf.Name.FlateDecode] * 2))
    with pytest.raises(StreamTooLarge):
        read_content(double, MB, library_filters=False)


def test_what_fits_is_decoded_exactly() -> None:
    content = b"0 0 0 1 k 10 10 10 10 re f\n" * 100
    stream = _stream(base64.a85encode(zlib.compress(content), adobe=True),
                     Filter=pikepdf.Array([pikepdf.Name.ASCII85Decode, pikepdf.Name.FlateDecode]))
    assert read_content(stream, len(content), library_filters=False) == content
    with pytest.raises(StreamTooLarge):
        read_content(stream, len(content) - 1, library_filters=False)
    plain = _stream(content)
    assert read_content(plain, len(content), library_filters=False) == content
    with pytest.raises(StreamTooLarge):
        read_content(plain, 100, library_filters=False)


def test_ascii85_zeros_are_measured_before_decoding() -> None:
    stream = _stream(b"z" * 1_000_000 + b"~>", Filter=pikepdf.Name.ASCII85Decode)  # 1 MB that claims 4 MB
    with pytest.raises(StreamTooLarge):
        read_content(stream, 3 * MB, library_filters=False)
    assert len(read_content(stream, 4 * MB, library_filters=False)) == 4_000_000


def test_a_cut_short_flate_stream_is_damaged() -> None:
    whole = zlib.compress(b"0 0 10 10 re f\n" * 1000)
    with pytest.raises(Undecodable) as cut:
        read_content(_stream(whole[: len(whole) // 2], Filter=pikepdf.Name.FlateDecode), MB, library_filters=False)
    assert cut.value.reason == "damaged" and cut.value.detail == "incomplete"
    with pytest.raises(Undecodable) as garbage:
        read_content(_stream(b"not deflate", Filter=pikepdf.Name.FlateDecode), MB, library_filters=False)
    assert garbage.value.reason == "damaged"


def test_an_empty_stream_is_empty_whatever_its_filter() -> None:
    assert read_content(_stream(b"", Filter=pikepdf.Name.FlateDecode), 0, library_filters=False) == b""


def _lzw(data: bytes) -> bytes:
    """``data`` LZW-compressed the PDF way (9-bit codes, no table growth: enough for a short test)."""
    codes, bits = [256, *data, 257], ""
    for code in codes:
        bits += format(code, "09b")
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def test_other_filters_are_left_to_qpdf_only_within_their_worst_case() -> None:
    content = b"0 0 1 1 re f\n" * 8
    stream = _stream(_lzw(content), Filter=pikepdf.Name.LZWDecode)
    raw = len(stream.read_raw_bytes())
    with pytest.raises(Undecodable) as refused:  # the sign reader never leaves anything to qpdf
        read_content(stream, MB, library_filters=False)
    assert refused.value.reason == "unsupported"
    assert read_content(stream, raw * EXPANSION["/LZWDecode"], library_filters=True) == content
    with pytest.raises(Undecodable) as unbounded:  # it could produce more than the room: not even tried
        read_content(stream, raw * EXPANSION["/LZWDecode"] - 1, library_filters=True)
    assert unbounded.value.reason == "unbounded"
    predicted = _stream(zlib.compress(content), Filter=pikepdf.Name.FlateDecode,
                        DecodeParms=pikepdf.Dictionary(Predictor=12, Columns=4))
    with pytest.raises(Undecodable) as predictor:
        read_content(predicted, MB, library_filters=False)
    assert predictor.value.reason == "predictor"
    with pytest.raises(Undecodable) as image_codec:
        read_content(_stream(b"\xff\xd8", Filter=pikepdf.Name.DCTDecode), MB, library_filters=True)
    assert image_codec.value.reason == "unsupported"


# -- the token count ------------------------------------------------------------------------

_TOKENS = st.sampled_from([b"q", b"Q", b"0", b"-1.5", b"cm", b"/Name", b"/a/b/c", b"(str (nested) \\) )", b"<41>",
                           b"<< /K 1 >>", b"[1 2 3]", b"[(a)1(b)]", b"TJ", b"Tj", b"%comment\n", b"BT", b"ET",
                           b"true", b"null", b"scn", b"'", b'"', b"()", b"[]", b"<>", b"<<>>", b"/"])
_GAPS = st.sampled_from([b" ", b"\n", b"\r\n", b"\t", b"\x00", b"\x0b", b"\x0c", b"", b"  \n "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TOKENS, _GAPS), max_size=60))
def test_the_token_count_is_never_below_what_qpdf_parses(pieces: list[tuple[bytes, bytes]]) -> None:
    data = b"".join(token + gap for token, gap in pieces)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # operands left without an operator are only warned about
            parsed = pikepdf.parse_content_stream(_stream(data))
    except pikepdf.PdfError:
        return
    kept = sum(1 + len(instruction.operands) for instruction in parsed)
    assert token_bound(data) >= kept


def test_the_token_count_of_a_bomb_is_its_size_in_operators() -> None:
    assert token_bound(b"q Q " * 1000) == 2000
    assert token_bound(b"q\x0bQ\x0bq") == 3  # a vertical tab separates for qpdf, so it does for the count
    assert token_bound(b"") == 0 and token_bound(b"   \n") == 0


# -- the account ----------------------------------------------------------------------------


def test_the_first_limit_that_runs_out_exhausts_the_budget() -> None:
    budget = Budget(Limits(content_bytes=10, tokens=5, operators=100, form_draws=2, depth=4, whole_streams=False))
    assert budget.charge("tokens", 5) and budget.tokens == 5 and budget.exhausted is None
    assert not budget.charge("tokens", 1) and budget.exhausted == "tokens" and budget.tokens == 5
    assert not budget.charge("operators", 1)  # nothing more, of any kind
    budget.exhaust("content_bytes")
    assert budget.exhausted == "tokens"  # the first reason stays
    fresh = Budget(budget.limits)
    assert fresh.room == 10 and fresh.charge("content_bytes", 4) and fresh.room == 6
