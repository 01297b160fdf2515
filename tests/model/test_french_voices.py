"""One voice per body on French press: a union written in its variants, its officials, a minister
and a ministry, parties under their short names. Articles written in the style of agency dispatches
(glued sentences included); the union is invented."""

from __future__ import annotations

import json
import sqlite3

import pytest

import voxmap
from voxmap.corpus.ingest import ingest

ARTICLES = [
    # kind suffix, then the union's general secretary by title only, a date before the subject
    "Le syndicat Rempart police nationale appelle à manifester.« Nous irons jusqu'au bout », a déclaré "
    "vendredi 26 juin le secrétaire général du syndicat Rempart.",
    # a branch's number, an official named with his role after the verb
    "« Les effectifs manquent », a dénoncé mardi Yoann Marest, délégué de Rempart 93, devant le commissariat.",
    # an affiliation suffix after a hyphen, the union speaking as a body
    "Rempart-FO a annoncé une journée d'action. « La coupe est pleine », affirme le syndicat Rempart PN.",
    # a minister and the ministry, a party by its short name and by its members' word
    "« Nous entendons la colère », a déclaré le ministre de l'Intérieur Gérald Marsac. Le ministère de "
    "l'Intérieur a précisé que des renforts arriveraient.« C'est trop tard », a réagi LR dans un communiqué. "
    "« Le gouvernement a failli », estiment les Républicains.",
]


@pytest.fixture(scope="module")
def voices(tmp_path_factory):
    folder = tmp_path_factory.mktemp("press")
    path = folder / "press.jsonl"
    rows = [{"id": f"p{i}", "text": text, "published": f"2024-03-0{i + 1}"} for i, text in enumerate(ARTICLES)]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    db = folder / "press.db"
    ingest([path], db, language="fr")
    conn = sqlite3.connect(db)
    found = conn.execute("SELECT q.text, v.voice FROM voices v JOIN quotes q ON q.id = v.quote_id").fetchall()
    conn.close()
    return dict(found)


def test_a_union_in_its_variants_and_its_officials_is_one_voice(voices):
    union = {
        voices[text]
        for text in voices
        if text in ("Nous irons jusqu'au bout", "Les effectifs manquent", "La coupe est pleine")
    }
    assert len(union) == 1 and "Rempart" in union.pop()


def test_a_minister_speaks_for_the_ministry_and_a_party_is_one_voice(voices):
    assert voices["Nous entendons la colère"] == "ministère de l'Intérieur"
    assert voices["C'est trop tard"] == voices["Le gouvernement a failli"] == "Les Républicains"


# The police unions of French news under the names the press gives them (the rule files know them);
# the officials are invented. "Alliance" alone is also a common word, a kind of body.
POLICE_UNIONS = [
    "« Les policiers sont épuisés », a déclaré Marc Delval, secrétaire général du syndicat Alliance police nationale.",
    "« Nous demandons des moyens », a affirmé le syndicat Alliance. « La situation est grave », estime Alliance PN.",
    "« C'est inacceptable », a dénoncé Paul Jorand, secrétaire général d'Unité SGP Police-FO. « Nous serons "
    "dans la rue », prévient Unité-SGP-FO.",
    "« La colère monte », ajoute Yves Lebrun, délégué d'Unité SGP Police.",
    "« Le ministre doit nous recevoir », a indiqué UNSA Police. « Nous attendons des actes », a ajouté "
    "Thierry Clairon, secrétaire général de l'Unsa-Police.",
    "« Les collègues sont à bout », a déclaré Luc Colin, secrétaire départemental d'Alliance 93. « Rien ne "
    "change », a dit le syndicat Alliance 93.",
    "« Nous ne lâcherons rien », a ajouté le porte-parole d'Alliance, Simon Gaudet.",
]


def test_police_unions_and_their_officials_are_one_voice_each(tmp_path):
    path = tmp_path / "unions.jsonl"
    rows = [{"id": f"u{i}", "text": text, "published": f"2024-03-{i + 10}"} for i, text in enumerate(POLICE_UNIONS)]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    ingest([path], tmp_path / "unions.db", language="fr")
    conn = sqlite3.connect(tmp_path / "unions.db")
    counts = dict(conn.execute("SELECT voice, count(*) FROM voices GROUP BY voice").fetchall())
    conn.close()
    assert counts == {"Alliance police nationale": 6, "Unité SGP Police": 3, "UNSA Police": 2}


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a bare body takes up the institution of that kind a role of the article named
        (
            "« Notre ville restera accueillante », a réagi le maire de Bordeaux, Paul Morel. La mairie a "
            "indiqué qu'elle porterait plainte.",
            "mairie de Bordeaux",
        ),
        # negative: no role of that kind before it, the body stays a description
        ("La mairie a indiqué qu'elle porterait plainte contre les auteurs.", "La mairie"),
    ],
)
def test_a_bare_body_takes_up_the_institution_named_before(text, speaker):
    quotes = voxmap.analyze(text, language="fr").quotes
    assert quotes[-1].speaker.name == speaker
