"""A feedback form as one self-contained HTML page: filled in on screen or on paper, and printed.

Why: the consultant mails the file or puts it on a shared drive; whoever opens it must be able to
trust that it runs nothing and sends nothing. So the page has no script, no link, no image, no
form element (there is nothing that could submit), and a Content-Security-Policy that forbids any
fetch, form submission or base URL even if the file were edited. The answers are radio buttons
and text boxes that keep what is typed only in the open page; printed (or "Spara som PDF"), they
are boxes to tick and space to write. Every text is escaped with ``html.escape``.
"""

from __future__ import annotations

from html import escape

from intervjufas.reading.feedback.forms import MOMENTS, TEXT, Form, FormQuestion, Scale
from intervjufas.views.feedback_form import how_to, main_scale, numbered, own_scale, scale_words

POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"
NOTHING_SENT = (
    "Fyll i enkäten på skärmen och skriv ut den (eller spara den som PDF), eller skriv ut den och "
    "fyll i den för hand. Sidan skickar ingenting någonstans."
)
STYLE = """
:root { color-scheme: light; --ink: #1c2329; --muted: #55616b; --line: #c9d1d8; --accent: #1d5c87; }
@page { size: A4; margin: 18mm 16mm 20mm; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { color: var(--accent); font-size: 1.8rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
p { margin: 0 0 .7rem; }
.facts { margin: 0 0 1rem; }
.facts dt { font-weight: 600; float: left; margin-right: .5rem; }
.facts dd { margin: 0 0 .2rem; }
.how, .help, .note { color: var(--muted); }
.note { font-size: .9rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .7rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.scale { display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; margin-top: .3rem; }
.scale label { white-space: nowrap; }
input[type=radio] { width: 1.05rem; height: 1.05rem; margin: 0 .3rem 0 0; vertical-align: -.15rem; }
table { width: 100%; border-collapse: collapse; margin-top: .4rem; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .3rem; text-align: center; }
th[scope=row], thead th:first-child { text-align: left; font-weight: normal; }
textarea { box-sizing: border-box; width: 100%; min-height: 8rem; font: inherit; border: 1px solid var(--line);
  border-radius: 4px; padding: .4rem; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .note { display: none; }
  fieldset, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _text(text: str) -> str:
    return escape(text, quote=True)


def form_html(form: Form) -> str:
    """The whole page, starting with ``<!DOCTYPE html>``."""
    main = main_scale(form)
    body = [f"<h1>{_text(form.title)}</h1>", *_facts(form)]
    if form.intro:
        body.append(f"<p>{_text(form.intro)}</p>")
    body += [
        f'<p class="how">{_text(how_to(form))}</p>',
        f'<p class="note">{_text(NOTHING_SENT)}</p>',
    ]
    for label, title, questions in numbered(form):
        body += [
            '<section class="part">',
            f"<h2>{_text(f'{label}: {title}' if label != title else title)}</h2>",
        ]
        for number, question in questions:
            body += _question(number, question, main)
        body.append("</section>")
    if form.closing:
        body.append(f"<p>{_text(form.closing)}</p>")
    head = [
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(form.title)}</title>",
        f"<style>{STYLE}</style>",
    ]
    page = ["<!DOCTYPE html>", '<html lang="sv">', "<head>", *head, "</head>", "<body>", "<main>", *body]
    return "\n".join([*page, "</main>", "</body>", "</html>", ""])


def _facts(form: Form) -> list[str]:
    if not form.facts:
        return []
    rows = [f"<dt>{_text(heading)}:</dt><dd>{_text(value)}</dd>" for heading, value in form.facts]
    return ['<dl class="facts">', *rows, "</dl>"]


def _question(number: int, question: FormQuestion, main: Scale | None) -> list[str]:
    lines = ["<fieldset>", f"<legend>{number}. {_text(question.text)}</legend>"]
    if question.help:
        lines.append(f'<p class="help">{_text(question.help)}</p>')
    own = own_scale(question, main)
    if own is not None:
        lines.append(f'<p class="help">({_text(scale_words(own))})</p>')
    if question.kind == TEXT:
        item = question.items[0]
        lines.append(
            f'<textarea name="{_text(item.id)}" rows="6" aria-label="{_text(question.text)}"></textarea>'
        )
    elif question.kind == MOMENTS:
        lines += _grid(question)
    else:
        item = question.items[0]
        lines.append('<div class="scale">')
        lines += [_radio(item.id, step, str(step)) for step in (question.scale or Scale()).steps]
        lines.append("</div>")
    return [*lines, "</fieldset>"]


def _radio(name: str, step: int, shown: str, label: str = "") -> str:
    named = f' aria-label="{_text(label)}"' if label else ""
    return f'<label><input type="radio" name="{_text(name)}" value="{step}"{named}>{shown}</label>'


def _grid(question: FormQuestion) -> list[str]:
    scale = question.scale or Scale()
    header = "".join(f'<th scope="col">{step}</th>' for step in scale.steps)
    lines = ["<table>", f'<thead><tr><th scope="col">Del</th>{header}</tr></thead>', "<tbody>"]
    for item in question.items:
        cells = "".join(
            f"<td>{_radio(item.id, step, '', f'{item.text}: {step}')}</td>" for step in scale.steps
        )
        lines.append(f'<tr><th scope="row">{_text(item.text)}</th>{cells}</tr>')
    return [*lines, "</tbody>", "</table>"]
