"""A file (text, PDF or HTML) to THE clean text that every later offset indexes.

The clean text has ``\\n`` newlines, no NBSP, no control characters but ``\\n`` and
``\\t``, NFC normalisation, and words broken at a line end joined again
("informatie-\\nvergaring" becomes "informatievergaring"). No mapping back to the
raw bytes is kept: ``ReadResult.text`` is the document text.

Errors a user can cause raise :class:`~kamerkg.extract.errors.InputError`:

====  =========================================
E100  the file does not exist
E101  the file is empty (or holds only white space)
E102  a directory was given where a file is expected
E103  the file is binary (NUL bytes, control characters)
E104  a PDF without a text layer
E105  the file is larger than ``max_bytes``
E106  the file cannot be read (permission)
E107  a PDF that cannot be parsed
====  =========================================

Examples
--------
>>> clean_text("De informatie-\\nvergaring door inlichtingen- en\\u00a0veiligheidsdiensten\\r\\n")
'De informatievergaring door inlichtingen- en veiligheidsdiensten\\n'
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from kamerkg.extract.errors import InputError

__all__ = ["ReadResult", "clean_text", "html_to_text", "read_text"]

_PDF = {".pdf"}
_HTML = {".html", ".htm", ".xhtml", ".xml"}

# Elements whose content is never document text.
_SKIP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "svg",
    "head",
    "form",
    "button",
    "footer",
    "iframe",
    "select",
}
# Elements that start a new line of text.
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    # officielebekendmakingen XML element names
    "al",
    "vraag",
    "antwoord",
    "noot",
    "tussenkop",
    "kop",
    "titel",
}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "al", "vraag"}
_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "area", "base", "col", "source"}


@dataclass
class ReadResult:
    """The clean text of a file, the encoding it was read with, and warnings."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


class _TextParser(HTMLParser):
    """Collects visible text, block elements on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip_depth = 0

    def _newline(self, count: int = 1) -> None:
        self.chunks.append("\n" * count)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            # An unclosed <head> must not hide the page.
            self.skip_depth = 0
            return
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "br":
            self._newline()
        elif tag == "li":
            # Parliament pages list questions as bullets ("• Vraag 1").
            self._newline()
            self.chunks.append("• ")
        elif tag in ("td", "th"):
            self.chunks.append(" ")
        elif tag in _BLOCK:
            self._newline(2 if tag in _PARAGRAPH else 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.skip_depth:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in _BLOCK:
            self._newline(2 if tag in _PARAGRAPH else 1)

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # Source line breaks inside a paragraph are just spaces in HTML.
            self.chunks.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML or XML page, one block element per line.

    Examples
    --------
    >>> html_to_text("<p>Vraag 1</p><script>x()</script><p>Kent u &eacute;&eacute;n bericht?</p>")
    'Vraag 1\\n\\nKent u één bericht?'
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.chunks)
    lines = [line.strip() for line in raw.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# A word broken at the line end: lower-case letters on both sides. Second part
# capitalised ("Michon-\nDerkzen") or a conjunction ("inlichtingen-\nen") keeps the hyphen.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\n(?=[a-zà-ÿ]+\b)(?!(?:en|of|tot|en/of)\b)")
_URLISH = re.compile(r"(?:https?://|www\.|/|=|@|\.\w+/)\S*$")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
#: Unicode categories Cc (controls, but "\t" and "\n"), Cs (surrogates) and Co (private
#: use) spelled out as ranges (fixed by the standard): one regex pass, not a loop per
#: character.
_DROPPED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
#: Cc without the white-space controls a text file may hold.
_STRAY_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _dehyphenate(text: str) -> str:
    out: list[str] = []
    last = 0
    for m in _BROKEN_WORD.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        token = text[line_start : m.start()].rsplit(maxsplit=1)
        # Hyphens inside a URL broken over two lines are real.
        if token and _URLISH.search(token[-1]):
            continue
        out.append(text[last : m.start()])
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def clean_text(text: str) -> str:
    """Normalise decoded text to the project's clean text.

    Newlines to ``\\n``, NBSP and other spaces to a plain space, control and
    zero-width characters removed (``\\n`` and ``\\t`` kept), NFC, words broken
    at a line end joined.

    Examples
    --------
    >>> clean_text("Michon-\\nDerkzen en\\x07 Van\\u00a0der Staaij")
    'Michon-\\nDerkzen en Van der Staaij'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\f\v\x85\u2028\u2029]", "\n", text)
    text = text.translate(_ZERO_WIDTH)
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = _DROPPED.sub("", text)  # "\n" and "\t" are kept
    text = unicodedata.normalize("NFC", text)
    return _dehyphenate(text)


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", [f"W101 read {name} as utf-16"]
    if b"\x00" in data:
        raise InputError(
            "E103", f"{name} is a binary file (NUL bytes)", "give a text, PDF or HTML file"
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding, [f"W101 read {name} as {encoding}"]
    raise InputError(
        "E103", f"{name} cannot be decoded as text", "save it as UTF-8"
    )  # pragma: no cover


def _looks_binary(text: str) -> bool:
    controls = len(_STRAY_CONTROL.findall(text))
    return controls > max(8, len(text) // 20)


def _read_pdf(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
        raise InputError(
            "E107", f"{name} is not a readable PDF ({type(exc).__name__})", "give an intact PDF"
        ) from None
    if not any(page.strip() for page in pages):
        raise InputError(
            "E104",
            f"{name} is a PDF without a text layer",
            "run OCR on it first or give the text version",
        )
    return "\n\n".join(page.strip("\n") for page in pages)


def read_text(path: Path, *, max_bytes: int = 20_000_000) -> ReadResult:
    """Read a text, PDF or HTML file into clean text.

    Parameters
    ----------
    path : Path
        The file; ``.pdf`` is read through its text layer, ``.html``/``.htm``/``.xml``
        through an HTML parser, anything else as text (UTF-8, UTF-8 with BOM,
        cp1252 or latin-1, in that order).
    max_bytes : int
        Larger files are refused.

    Returns
    -------
    ReadResult
        ``text`` is the clean text all offsets index; ``warnings`` say e.g.
        "W101 read x.txt as cp1252".

    Raises
    ------
    InputError
        E100-E107, see the module docstring.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError("E100", f"{name} does not exist", "check the path")
    if path.is_dir():
        raise InputError("E102", f"{name} is a directory", "give a file inside it")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                "E105",
                f"{name} has {size} bytes, more than the limit of {max_bytes}",
                "split the file or raise the limit",
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(
            "E106", f"{name} cannot be read (permission denied)", "fix its permissions"
        ) from None
    except IsADirectoryError:  # pragma: no cover - raced with the check above
        raise InputError("E102", f"{name} is a directory", "give a file inside it") from None
    except OSError as exc:
        raise InputError(
            "E106", f"{name} cannot be read ({exc.strerror})", "check the file"
        ) from None
    if not data.strip():
        raise InputError("E101", f"{name} is empty", "give a file with text")
    suffix = path.suffix.lower()
    warnings: list[str] = []
    if suffix in _PDF or data.startswith(b"%PDF-"):
        raw, encoding = _read_pdf(data, path.name), "pdf"
    else:
        raw, encoding, warnings = _decode(data, path.name)
        if _looks_binary(raw):
            raise InputError("E103", f"{name} is a binary file", "give a text, PDF or HTML file")
        if suffix in _HTML or re.match(r"\s*<(?:!doctype\s+html|html)\b", raw[:512], re.I):
            raw = html_to_text(raw)
    text = clean_text(raw)
    if not text.strip():
        raise InputError("E101", f"{name} holds no text", "give a file with text")
    return ReadResult(text=text, encoding=encoding, warnings=warnings)
