"""PlainPrompter (``--enkel``) line by line: what it prints for each question type and what each typed
line becomes."""

from __future__ import annotations

import io

import pytest

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.question_types.table import TYPES
from intervjufas.model.questions import Group, Question
from intervjufas.session.prompter import AskRequest
from intervjufas.views.prompting.plain_prompter import PlainPrompter


def ask(question: Question, *lines: str, default: Answer | None = None) -> tuple[Answer, str]:
    """Answer one question with the typed lines; return the answer and everything printed."""
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO("".join(f"{line}\n" for line in lines)), out)
    answer = prompter.ask(AskRequest(question, "Steg 1 · fråga 1 av 3", default=default))
    return answer, out.getvalue()


CHOICE = Question("q", "Finns det en tydlig struktur?", TYPES["val"], choices=("Ja", "Delvis", "Nej"), comment=True)
MULTI = Question(
    "m", "Vilka intervjuformer används?", TYPES["flerval"], choices=("Telefon", "Snabb", "Konventionell intervju")
)
YES_NO = Question("j", "Finns det moment att lägga till?", TYPES["janej"], required=True)
SCALE = Question(
    "s", "Betyg", TYPES["skala"], scale_labels=((1, "Mycket dålig"), (5, "Mycket bra")), help="1 är sämst."
)
LONG = Question("l", "Hur förbereder du kunden?", TYPES["langtext"], help="T.ex. kravprofil.")
DATE = Question("d", "Datum", TYPES["datum"])
ITEMS = Question("a", "Vad vill du utveckla?", TYPES["atgarder"], plan="utveckla")


def test_choices_are_numbered_and_chosen_by_number_or_name() -> None:
    answer, out = ask(CHOICE, "2", "Saknar tidsplan")
    assert answer == Answer("Delvis", "Saknar tidsplan")
    assert "  1) Ja\n  2) Delvis\n  3) Nej\n" in out
    assert "Skriv numret, eller Enter för att hoppa över: " in out
    assert "Kommentar (valfritt): " in out
    assert ask(CHOICE, "nej", "")[0] == Answer("Nej")


def test_several_choices_by_numbers_or_names() -> None:
    assert ask(MULTI, "1,3")[0] == Answer(("Telefon", "Konventionell intervju"))
    assert ask(MULTI, "3 1")[0] == Answer(("Telefon", "Konventionell intervju"))
    assert ask(MULTI, "Konventionell intervju, snabb")[0] == Answer(("Snabb", "Konventionell intervju"))
    assert ask(MULTI, "")[0] == Answer(None)


def test_a_wrong_number_is_explained_and_asked_again() -> None:
    answer, out = ask(MULTI, "1,4", "2")
    assert answer == Answer(("Snabb",))
    assert "Ogiltigt svar: välj ett nummer mellan 1 och 3. Försök igen.\n" in out
    assert out.count("  1) Telefon") == 2


def test_yes_no_takes_j_or_n_and_must_be_answered() -> None:
    answer, out = ask(YES_NO, "", "j")
    assert answer == Answer("Ja")
    assert "Skriv j eller n (måste besvaras): " in out
    assert "Ogiltigt svar: frågan måste besvaras. Försök igen." in out
    assert ask(YES_NO, "n")[0] == Answer("Nej")
    assert ask(YES_NO, "2")[0] == Answer("Nej")


def test_a_scale_takes_the_number_itself_and_shows_the_labels_on_one_line() -> None:
    answer, out = ask(SCALE, "?", "5")
    assert answer == Answer(5)
    assert "Skala 1–5: 1 = Mycket dålig, 5 = Mycket bra\n" in out
    assert "(Skriv ? för hjälp.)\n" in out
    assert "Hjälp: 1 är sämst.\n" in out
    assert ask(SCALE, "6", "1")[1].count("Ogiltigt svar: 6 ligger utanför skalan 1–5. Försök igen.") == 1


def test_multi_line_answers_end_with_an_empty_line_and_question_mark_shows_help() -> None:
    answer, out = ask(LONG, "Rad ett", "?", "Rad två", "")
    assert answer == Answer("Rad ett\nRad två")
    assert "Skriv ditt svar, en eller flera rader. Avsluta med en tom rad." in out
    assert "Hjälp: T.ex. kravprofil.\n" in out


def test_a_suggested_answer_is_kept_with_enter_and_cleared_with_a_dash() -> None:
    earlier = Answer("Förra svaret\npå två rader")
    answer, out = ask(LONG, "", default=earlier)
    assert answer == earlier
    assert "Föreslaget svar:\n  Förra svaret\n  på två rader\n" in out
    assert ask(LONG, "-", default=earlier)[0] == Answer(None)
    answer, out = ask(CHOICE, "", "", default=Answer("Nej", "Ingen rutin"))
    assert answer == Answer("Nej", "Ingen rutin")
    assert "Skriv numret, eller - för inget svar [standard: Nej]: " in out
    assert "Kommentar (valfritt) [standard: Ingen rutin]: " in out
    assert ask(CHOICE, "-", default=Answer("Nej"))[0] == Answer(None)


def test_dates_are_checked() -> None:
    answer, out = ask(DATE, "31/12", "2024-12-31")
    assert answer == Answer("2024-12-31")
    assert "Ogiltigt svar: '31/12' är inte ett datum på formen ÅÅÅÅ-MM-DD. Försök igen." in out


def test_action_items_one_at_a_time_with_earlier_ones_offered() -> None:
    answer, _ = ask(ITEMS, "Ring upp", "Snabbare besked", "")
    assert answer == Answer((ActionItem("Ring upp", "Snabbare besked"),))
    earlier = Answer((ActionItem("Ring upp", "Snabbare"), ActionItem("Maila", "Spårbarhet")))
    answer, out = ask(ITEMS, "", "", "-", default=earlier)
    assert answer == Answer((ActionItem("Ring upp", "Snabbare"),))
    assert "Moment 1 [standard: Ring upp]: " in out
    assert "Varför / med vilket syfte? [standard: Snabbare] " in out


def test_piped_answers_are_echoed_and_nothing_is_styled() -> None:
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO("Nordlager\n"), out)
    group = Group("g", "Reflektion", "Reflektera över följande:")
    prompter.section("Steg 1: Före intervjun", "Vilka förberedelser?")
    prompter.ask(AskRequest(Question("t", "Vilken kund?", TYPES["text"]), "Steg 1 · fråga 1 av 1", group=group))
    assert out.getvalue() == (
        "\n== Steg 1: Före intervjun ==\nVilka förberedelser?\n"
        "\nReflektion\nReflektera över följande:\n"
        "\nSteg 1 · fråga 1 av 1\nVilken kund?\nSvar, eller Enter för att hoppa över: Nordlager\n"
    )


def test_the_end_of_the_input_stops_the_session_and_keeps_the_lines_entered() -> None:
    with pytest.raises(PartialAnswer) as stopped:
        ask(LONG, "Bara en rad")
    assert stopped.value.answer == Answer("Bara en rad")
    assert isinstance(stopped.value.cause, EOFError)
    with pytest.raises(EOFError):
        ask(LONG)


class StoppedAtThePrompt(io.StringIO):
    """Standard output where Ctrl-C lands just as a prompt has been flushed, before the read."""

    def flush(self) -> None:
        super().flush()
        if self.getvalue().endswith(": "):
            raise KeyboardInterrupt


def test_ctrl_c_as_the_prompt_is_shown_still_ends_the_prompts_line() -> None:
    out = StoppedAtThePrompt()
    prompter = PlainPrompter(io.StringIO("2024-03-01\n"), out)
    with pytest.raises(KeyboardInterrupt):
        prompter.ask(AskRequest(DATE, "Steg 1 · fråga 1 av 3"))
    assert out.getvalue().endswith(": \n")  # the message that follows starts on a line of its own
