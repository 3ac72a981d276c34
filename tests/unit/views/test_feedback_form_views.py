"""The feedback form as a printable page, an e-mail text, Markdown and HTML: the same questions in
the same order in each, texts from the report shown as text, and a page that runs nothing and sends
nothing – read back with html5lib, and opened in headless Chromium behind a proxy that records every
request it makes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import html5lib
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from feedback_samples import FIXTURES, MAP, form_for
from intervjufas.model.answers import Moment
from intervjufas.reading.feedback.forms import SCALE, TEXT, Form
from intervjufas.views.feedback_form import form_email, form_markdown, form_text
from intervjufas.views.feedback_form_html import POLICY, form_html

HOSTILE = 'Möte <script>alert("x")</script> & *fet* | [länk](https://example.com) <img src=x>'


def hostile_form() -> Form:
    fore = (*MAP["fore"], Moment(HOSTILE, ("kandidaten",), id="host0001"))
    return form_for("kandidat", {**MAP, "fore": fore})


def parse(text: str) -> ET.Element:
    """The page as an element tree; any HTML5 parse error fails the test."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def questions_in_order(form: Form) -> list[str]:
    return [question.text for section in form.sections for question in section.questions]


# -- text, e-mail, Markdown -----------------------------------------------------------------------


def test_the_printable_page_is_the_snapshot() -> None:
    assert form_text(form_for("kandidat")) == (FIXTURES / "kandidat.txt").read_text(encoding="utf-8")


def test_the_customer_e_mail_is_the_snapshot() -> None:
    assert form_email(form_for("kund")) == (FIXTURES / "kund-epost.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("audience", ["kandidat", "kund"])
def test_the_page_fits_its_width_and_numbers_every_question(audience: str) -> None:
    form = form_for(audience)
    page = form_text(form)
    assert max(len(line) for line in page.splitlines()) <= 72
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", page, re.MULTILINE)]
    assert numbers == list(range(1, len(questions_in_order(form)) + 1))
    boxes = sum(len(item.scale.steps) for item in form.items() if item.kind == SCALE and item.scale)
    assert page.count("[ ]") == boxes


@pytest.mark.parametrize("render", [form_text, form_email, form_markdown, form_html])
def test_each_output_asks_every_question_and_moment_in_order(render: object) -> None:
    form = form_for("kandidat")
    shown = " ".join(render(form).split())  # type: ignore[operator]
    texts = [*questions_in_order(form), *(item.text for item in form.moments_asked)]
    for text in texts:
        assert " ".join(text.split()) in shown
    positions = [shown.index(" ".join(text.split())) for text in questions_in_order(form)]
    assert positions == sorted(positions)


def test_the_e_mail_is_not_wrapped_and_has_a_subject() -> None:
    mail = form_email(form_for("kandidat"))
    assert mail.startswith("Ämne: Hur upplevde du rekryteringen?\n\nHej!\n")
    assert any(len(line) > 200 for line in mail.splitlines())  # the intro is one line
    assert "a) Information om intervjun – svar (1–5):" in mail


def markdown_tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark", {"html": True}).enable("table").parse(text)


def shown(token: Token) -> str:
    """What a reader sees of an inline token."""
    return "".join(
        shown(child) if child.children else child.content
        for child in token.children or []
        if child.type in ("text", "code_inline", "html_inline") or child.children
    )


def following_inline(tokens: list[Token], kind: str, tag: str = "") -> list[str]:
    """The shown text of the inline token after each opening token of a kind (and tag)."""
    return [
        shown(tokens[i + 1])
        for i, token in enumerate(tokens)
        if token.type == kind and (not tag or token.tag == tag) and tokens[i + 1].type == "inline"
    ]


def test_markdown_headings_questions_and_a_table_of_moments() -> None:
    form = form_for("kandidat")
    tokens = markdown_tokens(form_markdown(form))
    numbered = [f"{n}. {text}" for n, text in enumerate(questions_in_order(form), 1)]
    assert following_inline(tokens, "heading_open", "h3") == numbered
    assert following_inline(tokens, "th_open")[:6] == ["Del", "1", "2", "3", "4", "5"]
    rows = [
        shown(tokens[i + 2])
        for i, t in enumerate(tokens)
        if t.type == "tr_open" and tokens[i + 1].type == "td_open"
    ]
    assert rows == [
        "Information om intervjun",
        "Påminnelse dagen före",
        "Rundvisning på lagret",
        "Återkoppling till kandidaten",
    ]
    assert following_inline(tokens, "td_open").count("☐") == 5 * len(rows)


def test_markdown_shows_a_hostile_moment_name_as_text() -> None:
    tokens = markdown_tokens(form_markdown(hostile_form()))
    cells = [token for token in tokens if token.type == "inline" and shown(token) == HOSTILE]
    assert len(cells) == 1
    # (a web address is written as an autolink, as in every report text; nothing else is markup)
    assert {child.type for child in cells[0].children or []} <= {"text", "link_open", "link_close"}
    assert "html_block" not in [token.type for token in tokens]


# -- HTML -----------------------------------------------------------------------------------------


def test_the_page_is_valid_swedish_html_that_runs_and_fetches_nothing() -> None:
    page = form_html(hostile_form())
    tree = parse(page)
    assert page.startswith("<!DOCTYPE html>\n") and tree.get("lang") == "sv"
    for tag in ("script", "form", "link", "img", "iframe", "object", "embed", "base", "a", "button"):
        assert list(tree.iter(tag)) == [], tag
    attributes = {name for element in tree.iter() for name in element.attrib}
    assert not attributes & {"action", "formaction", "src", "href", "srcset", "onclick", "onload", "style"}
    assert not re.search(r"url\(|@import|https?:|javascript:", page.replace("https://example.com", ""))
    policy = tree.find("head/meta[@http-equiv='Content-Security-Policy']")
    assert policy is not None and policy.get("content") == POLICY
    assert "default-src 'none'" in POLICY and "form-action 'none'" in POLICY


def test_every_item_is_a_group_of_radio_buttons_or_a_text_box() -> None:
    form = hostile_form()
    tree = parse(form_html(form))
    radios: dict[str, list[str]] = {}
    for element in tree.iter("input"):
        assert element.get("type") == "radio"
        radios.setdefault(element.get("name", ""), []).append(element.get("value", ""))
    boxes = [element.get("name") for element in tree.iter("textarea")]
    assert radios == {item.id: ["1", "2", "3", "4", "5"] for item in form.items() if item.kind == SCALE}
    assert boxes == [item.id for item in form.items() if item.kind == TEXT]
    legends = ["".join(legend.itertext()) for legend in tree.iter("legend")]
    assert legends == [f"{n}. {text}" for n, text in enumerate(questions_in_order(form), 1)]


def test_a_hostile_moment_name_is_text_in_the_page() -> None:
    tree = parse(form_html(hostile_form()))
    rows = ["".join(th.itertext()) for th in tree.iter("th") if th.get("scope") == "row"]
    assert HOSTILE in rows
    assert [element.get("aria-label") for element in tree.iter("input")].count(f"{HOSTILE}: 3") == 1


def test_the_facts_and_the_print_style() -> None:
    page = form_html(form_for("kund"))
    tree = parse(page)
    facts = ["".join(element.itertext()) for element in tree.iter() if element.tag in ("dt", "dd")]
    assert facts == ["Uppdrag:", "Lagerarbetare till Nordlager", "Tjänst:", "Lagerarbetare"]
    style = "".join(tree.find("head/style").itertext())  # type: ignore[union-attr]
    assert "@page" in style and "@media print" in style


# -- headless Chromium ----------------------------------------------------------------------------


class Recorder(BaseHTTPRequestHandler):
    """Serves the page, and as the browser's proxy answers every other request with nothing, so
    that no request leaves the machine."""

    pages: ClassVar[dict[str, bytes]] = {}

    def _answer(self) -> None:
        body = self.pages.get(re.sub(r"^https?://[^/]+", "", self.path))
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    do_GET = do_POST = do_HEAD = do_CONNECT = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def in_chromium(server: ThreadingHTTPServer, page: str, tmp_path: Path) -> tuple[str, list[str]]:
    """The page's DOM after headless Chromium has loaded it, and every request the page made:
    Chromium's network log names the origin that started each request, which tells the page's
    fetches from the browser's own (update checks, the clock), and the proxy keeps all of them local."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("Chromium is not installed")
    Recorder.pages = {"/enkat.html": page.encode("utf-8")}
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    log = tmp_path / "natlogg.json"
    run = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profil'}", f"--proxy-server={origin}", "--proxy-bypass-list=<-loopback>",
            f"--log-net-log={log}", "--virtual-time-budget=5000", "--dump-dom", f"{origin}/enkat.html",
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    netlog = json.loads(log.read_text(encoding="utf-8"))
    start = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    jobs = [event.get("params", {}) for event in netlog["events"] if event["type"] == start]
    loaded = [job["url"] for job in jobs if job.get("url") == f"{origin}/enkat.html"]
    assert loaded, "Chromium did not load the page"
    by_page = [
        f"{job.get('method')} {job['url']}"
        for job in jobs
        if job.get("initiator") == origin and job.get("url") != f"{origin}/favicon.ico"
    ]
    return run.stdout, by_page


def test_chromium_loads_nothing_for_the_page(recorder: ThreadingHTTPServer, tmp_path: Path) -> None:
    form = hostile_form()
    dom, requests = in_chromium(recorder, form_html(form), tmp_path)
    assert requests == []
    tree = html5lib.parse(dom, namespaceHTMLElements=False)
    assert list(tree.iter("script")) == [] and list(tree.iter("form")) == []
    assert len(list(tree.iter("input"))) == 5 * len([item for item in form.items() if item.kind == SCALE])


def test_chromium_would_be_caught_loading(recorder: ThreadingHTTPServer, tmp_path: Path) -> None:
    """The check above can fail: a page that loads an image is seen doing it (the control), and the
    form's policy stops the same image when someone adds it to the file."""
    image = '<img src="http://bilder.example/spion.png" alt="">'
    control = f'<!DOCTYPE html><html lang="sv"><title>x</title><body>{image}</body></html>'
    assert in_chromium(recorder, control, tmp_path / "kontroll")[1] == ["GET http://bilder.example/spion.png"]
    edited = form_html(form_for("kandidat")).replace("<main>", f"<main>{image}")
    assert in_chromium(recorder, edited, tmp_path / "andrad")[1] == []
