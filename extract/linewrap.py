"""Line-wrapped text for the lexicon patterns of ``claims`` and ``stance``.

Letters and Aanhangsels break sentences across lines ("bestuursvoorzitter \nvan X");
the lexicons write a single space between words. ``wrapping`` turns such a pattern
into one that also matches a line break inside a running sentence.
"""

from __future__ import annotations

import re

__all__ = ["wrapping"]

# One space in a trigger: blanks, or a line break inside a running sentence (the next
# line goes on in lower case; a capital there opens a heading or a new item).
_WRAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*(?=(?-i:[a-zà-ÿ])))"


def _spaces_to_whitespace(pattern: str) -> str:
    """A pattern whose literal spaces also match a line break inside a sentence.

    Letters and Aanhangsels break sentences across lines ("voorzitter \nvan X"); the
    table writes one space. Spaces inside a character class or a lookbehind (which
    must keep a fixed width) stay as they are.
    """
    out: list[str] = []
    stack: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            stack.append("lb" if pattern.startswith(("(?<=", "(?<!"), i) else "g")
        elif ch == ")" and stack:
            stack.pop()
        elif ch == " " and "lb" not in stack:
            out.append(_WRAP)
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def wrapping(pattern: str) -> str:
    """``pattern`` with line breaks allowed between its words, though not after its last
    word: a trailing space (with an optional last group) stays one space, so a pattern
    ending a title line does not run on into the next line's heading.

    >>> import re
    >>> bool(re.search(wrapping("voorzitter van"), "de voorzitter \\nvan X"))
    True
    >>> bool(re.search(wrapping("voorzitter van"), "de voorzitter\\nVan X"))
    False
    """
    tail = re.search(r" (?:\(\?:[^()]*\)\?)?$", pattern)
    if tail is None:
        return _spaces_to_whitespace(pattern)
    return _spaces_to_whitespace(pattern[: tail.start()]) + pattern[tail.start() :]
