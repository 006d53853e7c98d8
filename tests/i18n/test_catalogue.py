"""The French catalogue: complete, faithful to its placeholders, fresh, and well typeset.

These tests parse the ``.po`` with Babel, the way a translator's tool reads it.
"""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from estrategy.base.language import DEFAULT_LANGUAGE, LANGUAGES
from estrategy.base.messages import placeholders

ROOT = Path(__file__).parents[2]
LOCALE = ROOT / "src" / "estrategy" / "locale"
TRANSLATED = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


def _catalogue(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "estrategy.po").open("rb") as stream:
        return read_po(stream, locale=lang)


def _template() -> Catalog:
    with (LOCALE / "estrategy.pot").open("rb") as stream:
        return read_po(stream)


def _ids(catalog: Catalog) -> set[object]:
    return {m.id for m in catalog if m.id}


def _texts(value: object) -> list[str]:
    """A msgid or msgstr as its forms (one, or the plural forms)."""
    if isinstance(value, tuple | list):
        return [str(v) for v in value]
    return [] if value is None else [str(value)]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_msgid_has_a_translation_that_is_not_fuzzy(lang: str) -> None:
    catalog = _catalogue(lang)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,)))
    ]
    assert untranslated == []
    assert len(catalog) > 300


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_the_same_in_msgid_and_msgstr(lang: str) -> None:
    wrong = []
    for m in _catalogue(lang):
        if not m.id:
            continue
        ids = _texts(m.id)
        if len(ids) > 1:
            # every plural form may use {n} or not; the other names are the msgid's
            expected = frozenset().union(*(placeholders(t) for t in ids)) - {"n"}
        else:
            expected = placeholders(ids[0])
        for form in _texts(m.string):
            found = placeholders(form)
            if isinstance(m.id, tuple):
                found -= {"n"}
            if found != expected:
                wrong.append((m.id, form))
    assert wrong == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_committed_mo_is_the_compiled_po(lang: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(lang))
    compiled.seek(0)
    fresh = gettext.GNUTranslations(compiled)
    with (LOCALE / lang / "LC_MESSAGES" / "estrategy.mo").open("rb") as stream:
        committed = gettext.GNUTranslations(stream)
    assert committed._catalog == fresh._catalog  # type: ignore[attr-defined]
    assert committed.plural(0) == fresh.plural(0)  # type: ignore[attr-defined]
    assert committed.plural(2) == fresh.plural(2)  # type: ignore[attr-defined]


def test_extraction_is_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from babel.messages.frontend import CommandLineInterface

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("BABEL_PYPROJECT_TOML", str(ROOT / "pyproject.toml"))
    output = tmp_path / "fresh.pot"
    CommandLineInterface().run(["pybabel", "--quiet", "extract", "-o", str(output)])
    with output.open("rb") as stream:
        fresh = read_po(stream)
    assert _ids(fresh) == _ids(_template()), "run `pybabel extract` and `pybabel update`"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalogue_has_exactly_the_template_msgids(lang: str) -> None:
    assert _ids(_catalogue(lang)) == _ids(_template()), "run `pybabel update`"


_LOOSE_SPACE = re.compile(r"(?<=\w) [:;?!](?=\s|$)|« | »")


def test_french_typography_has_no_break_spaces() -> None:
    loose = []
    for m in _catalogue("fr"):
        for form in _texts(m.string):
            # text inside ``code`` and *titles* is quoted as it is written elsewhere
            prose = re.sub(r"``[^`]*``|`[^`]*`|\*[^*]*\*", "", form)
            if m.id and _LOOSE_SPACE.search(prose):
                loose.append(form)
    assert loose == []


def test_french_plural_rule_treats_zero_as_singular() -> None:
    catalog = _catalogue("fr")
    assert catalog.num_plurals == 2
    assert catalog.plural_expr.replace(" ", "") == "(n>1)"


def test_no_msgid_reads_as_a_percent_format() -> None:
    """``pybabel compile`` checks %-formats: "10 % each" would read as one ("% e")."""
    from babel.messages.catalog import PYTHON_FORMAT

    flagged = [
        text for m in _template() for text in _texts(m.id) if text and PYTHON_FORMAT.search(text)
    ]
    assert flagged == []


def test_the_extractor_finds_calls_inside_calls_and_f_strings() -> None:
    # Babel's own Python reader skips both; a text it misses shows in English on a
    # French page (the comparison's column headings did).
    from estrategy.base.extraction import extract_python

    code = (
        'title = tr("{model}: gaps", model=name or tr("unnamed model"))\n'
        "head = f\"{tr('before').render(lang):>6} {ntr('{n} day', '{n} days', k)}\"\n"
        'plain = tr("found by Babel")\n'
    )
    found = [
        message
        for _, _, message, _ in extract_python(
            io.BytesIO(code.encode()), {"tr": None, "ntr": (1, 2), "N_": None}, [], {}
        )
    ]
    assert {"unnamed model", "before", ("{n} day", "{n} days"), "found by Babel"} <= set(found)
    assert "{model}: gaps" in found
