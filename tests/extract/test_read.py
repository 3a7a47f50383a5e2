"""read_text: encodings, clean-up, PDF, HTML and every error code."""

import os
from pathlib import Path

import pytest

from kamerkg.extract.errors import InputError
from kamerkg.extract.read import clean_text, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "layout"
SAMPLE = "Vraag 1\r\nKent u het bericht over spionage door Rusland in België?\r\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8(tmp_path: Path) -> None:
    result = read_text(_write(tmp_path, "a.txt", SAMPLE.encode("utf-8")))
    assert result.encoding == "utf-8" and result.warnings == []
    assert result.text == "Vraag 1\nKent u het bericht over spionage door Rusland in België?\n"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    result = read_text(_write(tmp_path, "a.txt", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8")))
    assert result.text.startswith("Vraag 1")
    assert result.encoding == "utf-8-sig"


def test_cp1252_with_warning(tmp_path: Path) -> None:
    data = "Het ‘bericht’ over België – € 5".encode("cp1252")
    result = read_text(_write(tmp_path, "oud.txt", data))
    assert result.text == "Het ‘bericht’ over België – € 5"
    assert result.encoding == "cp1252"
    assert result.warnings == ["W101 read oud.txt as cp1252"]


def test_latin1_fallback(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252, so only latin-1 can read this file.
    data = "Caf\u00e9 \u0081".encode("latin-1")
    result = read_text(_write(tmp_path, "l.txt", data))
    assert result.encoding == "latin-1"
    assert result.text == "Café "
    assert "W101 read l.txt as latin-1" in result.warnings


def test_clean_text_rules() -> None:
    raw = "A\u00a0B\x07C\u200bD\rE\u0065\u0301"
    assert clean_text(raw) == "A BCD\nEé"
    assert clean_text("de informatie-\nvergaring") == "de informatievergaring"
    assert clean_text("lid Michon-\nDerkzen") == "lid Michon-\nDerkzen"
    assert (
        clean_text("inlichtingen- en veiligheidsdiensten") == "inlichtingen- en veiligheidsdiensten"
    )
    assert (
        clean_text("inlichtingen-\nen veiligheidsdiensten")
        == "inlichtingen-\nen veiligheidsdiensten"
    )
    url = "(https://nos.nl/artikel/2348184-china-volgt-\nsleutelfiguren.html)"
    assert clean_text(url) == url
    assert clean_text("tab\tblijft") == "tab\tblijft"


def _pdf(content: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_pdf_with_text_layer(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 20 150 Td (Vraag 1) Tj 0 -20 Td (Kent u het bericht?) Tj ET"
    result = read_text(_write(tmp_path, "brief.pdf", _pdf(content)))
    assert result.encoding == "pdf"
    assert "Vraag 1" in result.text and "Kent u het bericht?" in result.text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = _write(tmp_path, "scan.pdf", _pdf(b"0 0 m 100 100 l S"))
    with pytest.raises(InputError) as info:
        read_text(path)
    assert info.value.code == "E104" and "scan.pdf" in str(info.value)


def test_broken_pdf(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(_write(tmp_path, "kapot.pdf", b"%PDF-1.4\nniets bruikbaars\n"))
    assert info.value.code in ("E104", "E107")


def test_html_page() -> None:
    result = read_text(FIXTURES / "kv-tk-2023Z07777.html")
    text = result.text
    assert "window.dataLayer" not in text and "font-family" not in text
    assert "Zoeken" not in text  # the nav bar is dropped
    assert "Colofon" not in text  # and the footer
    assert "beschermen & te informeren" in text  # entities decoded
    assert "2 mei 2023" in text  # &nbsp; became a space
    lines = text.split("\n")
    assert "Vraag 1" in lines and "Vraag 2" in lines
    assert any(line.startswith("1 Trouw, 28 april 2023") for line in lines)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(tmp_path / "nergens.txt")
    assert info.value.code == "E100" and "nergens.txt" in str(info.value)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(_write(tmp_path, "leeg.txt", b"  \n\n"))
    assert info.value.code == "E101"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(tmp_path)
    assert info.value.code == "E102"


def test_binary_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(_write(tmp_path, "blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert info.value.code == "E103"
    with pytest.raises(InputError) as info:
        read_text(_write(tmp_path, "ctrl.txt", bytes(range(1, 32)) * 20))
    assert info.value.code == "E103"


def test_too_large(tmp_path: Path) -> None:
    path = _write(tmp_path, "groot.txt", b"tekst " * 100)
    with pytest.raises(InputError) as info:
        read_text(path, max_bytes=100)
    assert info.value.code == "E105"
    assert read_text(path, max_bytes=1000).text.startswith("tekst")


def test_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "geheim.txt", b"Vraag 1")
    if os.name == "posix" and os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: simulate the refusal

        def refuse(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "read_bytes", refuse)
    try:
        with pytest.raises(InputError) as info:
            read_text(path)
        assert info.value.code == "E106" and "geheim.txt" in str(info.value)
    finally:
        path.chmod(0o644)


def test_errors_are_one_line_with_remedy(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(tmp_path / "x.txt")
    message = str(info.value)
    assert "\n" not in message and ": " in message and message.startswith("E100 ")
