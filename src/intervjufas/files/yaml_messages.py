"""The YAML parser's error messages in Swedish.

PyYAML reports a syntax error as an English *problem* ("mapping values are not allowed here") and
a *context* ("while scanning a simple key"); its C loader (libyaml) words most of them its own way
("... in this context", "did not find expected ..."). Every problem either of them reports while
reading a file – the reader's, scanner's, parser's and composer's, not the emitter's, which only
writes – is matched here, most specific first, and said in Swedish with what to do about it
(``tests/unit/files/test_yaml_messages.py`` collects the texts from the installed PyYAML and
libyaml). A problem that no pattern knows (from a later PyYAML) is still told by its context, and
failing that gets a Swedish frame with the parser's words quoted; the caller adds the file, line
and column either way.
"""

from __future__ import annotations

import re

MAX_DEPTH = 64  # lists and mappings inside each other
TOO_DEEP = f"listorna och mappningarna är nästlade för djupt (högst {MAX_DEPTH} nivåer)"
PREFIX = "YAML-syntaxfel: "
UNKNOWN = 'filen går inte att läsa som YAML här (tolkens beskrivning: "{text}")'

QUOTE_IT = "sätt texten inom citattecken"
COLON = f"ett kolon (:) är inte tillåtet här – {QUOTE_IT}"
TABS = "tabbtecken får inte användas för indrag"
DIRECTIVE = (
    f"en rad som börjar med % är ett YAML-direktiv som inte går att läsa – ta bort raden eller {QUOTE_IT}"
)
TAG = f"ett värde som börjar med ! läses som en YAML-tagg, och den här går inte att läsa – {QUOTE_IT}"
BLOCK_SCALAR = "efter | eller > får bara + eller - och en siffra 1–9 stå (sedan en ny rad)"
STRUCTURE = "strukturen stämmer inte här: kontrollera indraget och att listor och mappningar avslutas"

# (pattern searched for in the problem, or else in the context; the message in Swedish)
MESSAGES: list[tuple[str, str]] = [
    (r"exceeded maximum nesting depth", TOO_DEEP),
    (r"found character '\\t' that cannot start any token|found a tab character", TABS),
    (r"mapping values are not allowed|found unexpected ':'", COLON),
    (r"could not find expected ':'|while scanning a simple key", "ett kolon (:) saknas efter nyckeln"),
    (r"mapping keys are not allowed", f"en nyckel som börjar med ? är inte tillåten här – {QUOTE_IT}"),
    (r"sequence entries are not allowed", "ett listelement (-) är inte tillåtet här – kontrollera indraget"),
    (r"found character.* that cannot start any token", f"tecknet kan inte inleda ett värde – {QUOTE_IT}"),
    (r"expected ',' or '\]'", "en lista inom [ ] avslutas aldrig – saknas ']' eller ett komma?"),
    (r"expected ',' or '\}'", "en mappning inom { } avslutas aldrig – saknas '}' eller ett komma?"),
    (r"invalid indentation or unclosed", "indraget stämmer inte, eller så avslutas aldrig en [ eller {"),
    (
        r"alphabetic or numeric character|while scanning an? (anchor|alias)",
        f"ett namn saknas efter * eller & – {QUOTE_IT}",
    ),
    (
        r"(control|special) characters are not allowed|unacceptable character",
        "filen innehåller ett otillåtet styrtecken",
    ),
    (r"did not find expected key", "indraget stämmer inte: en nyckel förväntades här"),
    (r"did not find expected '-' indicator", "indraget stämmer inte: ett listelement (-) förväntades här"),
    (r"expected (the )?node content", "ett värde saknas här"),
    (r"found undefined alias", "aliaset är inte definierat"),
    (r"found duplicate anchor", "ankaret är definierat två gånger"),
    (r"found duplicate key", "nyckeln finns redan i samma mappning"),
    (
        r"found unexpected end of stream",
        "filen tar slut mitt i ett värde – saknas ett avslutande citattecken?",
    ),
    (r"found unknown escape character", "okänd escape-sekvens i en text inom dubbla citattecken"),
    (
        r"Unicode character escape|hexdecimal number|hexadecimal number",
        "en kod \\x, \\u eller \\U i en text inom dubbla citattecken är ogiltig",
    ),
    (r"expected <block end>", "indraget stämmer inte med raderna ovanför"),
    (r"expected a single document", "filen får bara innehålla ett YAML-dokument"),
    (r"<stream-start>", "filen går inte att läsa som YAML från början"),
    (
        r"document (indicator|separator)|<document start>",
        f"en rad med bara --- eller ... avslutar YAML-dokumentet – ta bort raden eller {QUOTE_IT}",
    ),
    (r"indentation indicator|chomping|while scanning a block scalar", BLOCK_SCALAR),
    (
        r"comment or (a )?line break",
        "något står efter värdet på raden – en kommentar börjar med mellanslag och #",
    ),
    (
        r"%TAG|tag handle|tag URI|expected URI|URI escape|expected '!'|expected '>'|non-specific tag|a tag\b",
        TAG,
    ),
    (
        r"%YAML|YAML directive|YAML document|version number|directive|digit|non-alphabetical|expected whitespace|expected ' '",
        DIRECTIVE,
    ),
    (
        r"UTF-8|UTF-16|surrogate|Unicode character|too long|codec",
        "filen innehåller tecken som inte är giltig UTF-8",
    ),
    (r"while scanning a quoted scalar|while parsing a quoted scalar", "ett citattecken avslutas aldrig"),
    (r"while parsing|while increasing", STRUCTURE),
    (r"while scanning", f"värdet går inte att läsa här – {QUOTE_IT}"),
]
_COMPILED = [(re.compile(pattern), message) for pattern, message in MESSAGES]


def known(text: str | None) -> str | None:
    """The Swedish message for a problem or context text, or None when no pattern knows it."""
    if text:
        for pattern, message in _COMPILED:
            if pattern.search(text):
                return message
    return None


def swedish_message(problem: str | None, context: str | None) -> str:
    """The whole message for a YAML error: Swedish, whatever the parser said. The context and the
    problem are read together, so that the first pattern that fits either one decides."""
    message = known(f"{context or ''} {problem or ''}")
    if message is None:
        words = " ".join((problem or context or "okänt fel").split())
        message = UNKNOWN.format(text=words)
    return message if message == TOO_DEEP else PREFIX + message
