"""The alias file (voxmap.corpus.aliases): forced merges and canonical names, names kept apart,
broken files refused with their reason and never remembered, the file applied last applied again."""

import pytest
from helpers import analysis_of, build_corpus

from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.store import connect

TEXT = "“Strike,” said X. “No,” said Y. “Maybe,” said Z."
SPANS = [(1, 7), (19, 21), (32, 37)]


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "aliases.db")
    yield connection
    connection.close()


def test_alias_file_forces_merges_and_canonical_names(conn, tmp_path):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\ncanonical = "Rempart Police nationale"\naliases = ["RNP", "National Police Rempart"]\n'
        '[[split]]\nnames = ["Roy"]\n',
        encoding="utf-8",
    )
    build_corpus(
        conn,
        [
            analysis_of(TEXT, SPANS[:1], id=f"o{i}", speakers={1: (name, kind)})
            for i, (name, kind) in enumerate(
                [
                    ("RNP", "organization"),
                    ("National Police Rempart", "organization"),
                    ("Ann Roy", "person"),
                    ("Roy", "person"),
                ]
            )
        ],
    )
    rebuild(conn, aliases)
    names = {
        row[0]: row[1]
        for row in conn.execute(
            "SELECT aa.article_id, ac.name FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id"
        )
    }
    assert names["o0"] == names["o1"] == "Rempart Police nationale"
    assert names["o2"] == "Ann Roy" and names["o3"] == "Roy"


def test_the_alias_file_last_applied_is_applied_again(conn, tmp_path):
    from voxmap.corpus.aliases import aliases_for
    from voxmap.errors import AliasFileError

    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[merge]]\ncanonical = "Rempart"\naliases = ["RNP"]\n', encoding="utf-8")
    build_corpus(
        conn,
        [
            analysis_of(TEXT, SPANS[:1], id=f"o{i}", speakers={1: (name, "organization")})
            for i, name in enumerate(["RNP", "Rempart"])
        ],
    )
    rebuild(conn, aliases)
    rebuild(conn)  # no file given: the remembered one applies
    assert conn.execute("SELECT count(DISTINCT actor_id) FROM article_actors").fetchone()[0] == 1
    for broken, said in [
        ("[[merge", "invalid TOML"),
        ('[[merge]]\ncanonical = "A"\nalias = ["B"]', "unknown key `alias`"),
        ('[[merges]]\ncanonical = "A"', "unknown table `merges`"),
        ("[[merge]]\naliases = ['B']", "missing `canonical`"),
    ]:
        aliases.write_text(broken, encoding="utf-8")
        with pytest.raises(AliasFileError, match=said):
            aliases_for(conn, aliases)  # a broken file is refused, named, and not remembered
        rebuild(conn)
        assert conn.execute("SELECT count(DISTINCT actor_id) FROM article_actors").fetchone()[0] == 1
    with pytest.raises(AliasFileError, match="no such file"):
        aliases_for(conn, tmp_path / "missing.toml")
