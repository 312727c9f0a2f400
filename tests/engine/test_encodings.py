"""Files in the code pages news still arrives in decode to what was written: Western European
text in Latin-1 or cp1252 is never read as a Central European or East Asian code page, and the
other code pages still go to the detector and come back right."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarise.readers import read_file
from summarise.readers.decode import decode_bytes

TEXTS = {
    "French, Latin-1": (
        "Le ministre a «échoué» et il est naïf, dit-on à la fête de Noël.",
        "latin-1",
    ),
    "French, short": ("«failed» naïf", "latin-1"),
    "German, Latin-1": (
        "Über München fährt der Zug nach Köln. Größe und Straße, schön.",
        "latin-1",
    ),
    "Spanish, cp1252": ("Mañana, señor. ¿Dónde está la estación? ¡Qué bien! — dijo.", "cp1252"),
    "Portuguese, cp1252": (
        "A situação não é boa, disse o ministro em São Paulo… “Nada.”",
        "cp1252",
    ),
    "Czech, cp1250": (
        "Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda České republiky schválila rozpočet.",
        "cp1250",
    ),
    "Polish, cp1250": (
        "Zażółć gęślą jaźń. Rząd w Warszawie przyjął budżet na przyszły rok, powiedział minister.",
        "cp1250",
    ),
    "Russian, cp1251": (
        "Правительство России приняло бюджет на следующий год, заявил министр финансов.",
        "cp1251",
    ),
    "Greek, cp1253": (
        "Η κυβέρνηση ενέκρινε τον προϋπολογισμό για το επόμενο έτος, δήλωσε ο υπουργός.",
        "cp1253",
    ),
    "Turkish, cp1254": (
        "Hükümet gelecek yılın bütçesini onayladı, dedi Maliye Bakanı. Şişli, İstanbul.",
        "cp1254",
    ),
}


@pytest.mark.parametrize("name", TEXTS)
def test_each_code_page_decodes_to_what_was_written(name: str) -> None:
    text, encoding = TEXTS[name]
    assert decode_bytes(text.encode(encoding)) == text


def test_a_latin1_article_reads_with_its_guillemets_and_diaeresis(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("Un titre\n\nLe plan a «failed», dit le ministre naïf.\n".encode("latin-1"))
    (article,) = read_file(path).articles
    assert "«failed»" in article.body_text and "naïf" in article.body_text
