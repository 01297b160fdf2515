"""Named, ordered migrations. Each runs in one transaction and is recorded in `migrations`."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

INITIAL = """
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, paths TEXT NOT NULL,
    ok INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY, label TEXT NOT NULL, given TEXT, first_published TEXT, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, title TEXT, language TEXT NOT NULL, published TEXT,
    source TEXT, url TEXT, text TEXT NOT NULL, content_hash TEXT NOT NULL, story_given TEXT,
    story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_story ON articles(story_id);
-- What became of every input, articles and skipped files alike.
CREATE TABLE inputs (
    key TEXT PRIMARY KEY, article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'failed')), reason TEXT,
    run_id INTEGER REFERENCES ingest_runs(id));
CREATE TABLE actors (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL UNIQUE, organization TEXT);
-- The actors of one article as the engine found them, and the corpus actor each one resolves to.
CREATE TABLE article_actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, local_id TEXT NOT NULL,
    name TEXT NOT NULL, type TEXT NOT NULL, actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    PRIMARY KEY (article_id, local_id));
CREATE INDEX article_actors_actor ON article_actors(actor_id);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, local_actor TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE TABLE roles (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, local_actor TEXT NOT NULL,
    title TEXT NOT NULL, organization TEXT, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX roles_article ON roles(article_id);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, words INTEGER NOT NULL,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    speaker_name TEXT, speaker_type TEXT NOT NULL, local_actor TEXT,
    mention_start INTEGER, mention_end INTEGER, mention_text TEXT,
    confidence REAL NOT NULL, tone_score REAL, tone_intensity REAL, tone_method TEXT, how TEXT,
    UNIQUE (article_id, local_id));
CREATE INDEX quotes_article_actor ON quotes(article_id, local_actor);
CREATE INDEX quotes_speaker_type ON quotes(speaker_type);
CREATE TABLE quote_spans (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX quote_spans_quote ON quote_spans(quote_id);
CREATE TABLE relations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, subject_local TEXT NOT NULL,
    predicate TEXT NOT NULL, object_local TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, confidence REAL NOT NULL, title TEXT, former INTEGER NOT NULL DEFAULT 0, label TEXT, date TEXT);
CREATE INDEX relations_article ON relations(article_id);
CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, value REAL NOT NULL, unit TEXT, counts TEXT, qualifier TEXT, local_actor TEXT);
CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, value TEXT, granularity TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
"""

# One row per quote with everything the measures group by, rebuilt after actors and stories are
# (re)computed: reports read one indexed table instead of joining five.
VOICES = """
CREATE TABLE voices (
    quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL, story_id INTEGER, actor_id INTEGER, voice TEXT, organization TEXT,
    speaker_type TEXT NOT NULL, source TEXT, language TEXT, published TEXT, month TEXT,
    article_key TEXT NOT NULL, position INTEGER NOT NULL, words INTEGER NOT NULL,
    tone_score REAL, tone_method TEXT);
CREATE INDEX voices_story_order ON voices(story_id, published, article_key, position);
CREATE INDEX voices_actor ON voices(actor_id);
CREATE INDEX voices_source ON voices(source);
CREATE INDEX voices_month ON voices(month);
CREATE INDEX voices_published ON voices(published);
"""

# Aggregates the report reads, rebuilt with the voices table: a report on a million quotes reads
# thousands of rows instead of scanning the million (see voxmap/summaries.py).
SUMMARIES = """
CREATE TABLE voice_totals (
    grouping TEXT NOT NULL, grp TEXT, actor_id INTEGER, voice TEXT, speaker_type TEXT NOT NULL,
    quotes INTEGER NOT NULL, words INTEGER NOT NULL);
CREATE INDEX voice_totals_grouping ON voice_totals(grouping, grp);
CREATE TABLE story_firsts (
    story_id INTEGER PRIMARY KEY, voice TEXT, actor_id INTEGER, quote_id INTEGER, article_id TEXT, published TEXT,
    source TEXT, speaker_type TEXT, next_voice TEXT, next_published TEXT);
CREATE TABLE tone_totals (
    actor_id INTEGER NOT NULL, month TEXT, method TEXT, quotes INTEGER NOT NULL, tone_sum REAL NOT NULL);
CREATE TABLE story_actors (
    story_id INTEGER NOT NULL, actor_id INTEGER NOT NULL, quotes INTEGER NOT NULL, first_seen TEXT,
    PRIMARY KEY (story_id, actor_id));
CREATE INDEX story_actors_actor ON story_actors(actor_id);
-- How many stories each voice spoke on, and how many voices each story had.
CREATE TABLE voice_presence (voice TEXT PRIMARY KEY, stories INTEGER NOT NULL);
ALTER TABLE story_firsts ADD COLUMN voices INTEGER;
"""

# Dashboard and review. What people corrected, stored apart from machine output so that re-ingest and
# re-resolution never touch it. A quote is found again by its article key, start and text (its row
# id changes when the article is re-analysed); an actor by its corpus key. `actor_id` is derived:
# rebuild_actors sets it to the actor a corrected speaker resolves to.
DASHBOARD = """
CREATE TABLE quote_corrections (
    article_key TEXT NOT NULL, quote_start INTEGER NOT NULL, quote_text TEXT NOT NULL,
    status TEXT CHECK (status IN ('accepted', 'rejected')), kind TEXT CHECK (kind IN ('direct', 'indirect', 'mixed', 'partial')),
    speaker_name TEXT, speaker_type TEXT CHECK (speaker_type IN ('person', 'organization', 'anonymous', 'unknown')),
    actor_id INTEGER, updated TEXT NOT NULL,
    PRIMARY KEY (article_key, quote_start));
CREATE TABLE actor_corrections (
    id INTEGER PRIMARY KEY, action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    actor_key TEXT NOT NULL, into_key TEXT, name TEXT, updated TEXT NOT NULL,
    UNIQUE (action, actor_key, name));
-- Settings the store remembers between commands, such as the alias file last applied.
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
ALTER TABLE voices ADD COLUMN kind TEXT;
ALTER TABLE voices ADD COLUMN speaker_name TEXT;
ALTER TABLE voices ADD COLUMN reviewed TEXT;
UPDATE voices SET (kind, speaker_name) = (SELECT q.kind, q.speaker_name FROM quotes q WHERE q.id = voices.quote_id);
CREATE INDEX voices_actor_published ON voices(actor_id, published);
CREATE INDEX voices_article ON voices(article_id);
CREATE INDEX voices_voice ON voices(voice, story_id);
-- Dashboard pages built from whole-corpus aggregates (overview, network), kept until the summaries
-- are rebuilt: `version` is the summaries version they were computed from.
CREATE TABLE page_cache (name TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL);
"""

# How each input's bytes were decoded (utf-8, utf-16, cp1252, …), for the record.
INPUT_ENCODING = """
ALTER TABLE inputs ADD COLUMN encoding TEXT;
"""

# Phrases a voice coined and others took up (see voxmap/corpus/echoes.py), rebuilt with the voices.
ECHOES = """
CREATE TABLE echoes (
    id INTEGER PRIMARY KEY, phrase TEXT NOT NULL, language TEXT, origin_article TEXT NOT NULL, origin_quote INTEGER,
    origin_start INTEGER NOT NULL, origin_end INTEGER NOT NULL, origin_actor INTEGER, origin_voice TEXT,
    origin_speaker TEXT, origin_published TEXT, origin_outlet TEXT, uses INTEGER NOT NULL, quote_uses INTEGER NOT NULL,
    narration_uses INTEGER NOT NULL, outlets INTEGER NOT NULL, first_adoption_hours REAL,
    adoptions INTEGER NOT NULL);
CREATE INDEX echoes_actor ON echoes(origin_actor);
CREATE INDEX echoes_ranked ON echoes(adoptions DESC, outlets DESC, origin_published);
CREATE TABLE echo_uses (
    echo_id INTEGER NOT NULL REFERENCES echoes(id) ON DELETE CASCADE, article_id TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, quote_id INTEGER,
    actor_id INTEGER, voice TEXT, speaker TEXT, published TEXT, outlet TEXT);
CREATE INDEX echo_uses_echo ON echo_uses(echo_id);
-- The measures per voice, computed with the echoes: the page reads them, never the million uses.
CREATE TABLE echo_voices (
    voice TEXT PRIMARY KEY, echoes INTEGER NOT NULL, uses_by_other_voices INTEGER NOT NULL,
    uses_in_narration INTEGER NOT NULL, outlets_reached INTEGER NOT NULL, median_delay_hours REAL);
"""

# Roles say whether they are over and whom their holder speaks for (voxmap/extract/offices.py); each
# article's actors get the voice they speak with in that article (voxmap/corpus/article_voices.py) and
# the rule that resolved them to a corpus actor; actor ids are derived from their keys, and an id that
# re-resolution merged away redirects to the actor that took it in.
ROLE_VOICES = """
ALTER TABLE roles ADD COLUMN former INTEGER NOT NULL DEFAULT 0;
ALTER TABLE roles ADD COLUMN institution TEXT;
ALTER TABLE article_actors ADD COLUMN voice TEXT;
ALTER TABLE article_actors ADD COLUMN voice_rule TEXT;
ALTER TABLE article_actors ADD COLUMN resolved_by TEXT;
CREATE TABLE actor_redirects (old_id INTEGER PRIMARY KEY, actor_id INTEGER NOT NULL);
-- Voices whose first quote came out the same day as the first voice's, when no time of day is known.
ALTER TABLE story_firsts ADD COLUMN tied TEXT;
"""

# Where a reader put back the space between two glued sentences (a JSON list of offsets into the
# stored text), for the record.
INPUT_REPAIRS = """
ALTER TABLE inputs ADD COLUMN repairs TEXT;
"""

# The gender the text gives a person (pronouns, honorifics, agreement, first names) in each article,
# and the one the corpus actor is given from them; NULL where the text does not tell.
GENDER = """
ALTER TABLE article_actors ADD COLUMN gender TEXT;
ALTER TABLE actors ADD COLUMN gender TEXT;
"""

# Pages fetched for a feed or a list of addresses, kept so that a re-run does not fetch them again.
FETCHED_PAGES = """
CREATE TABLE fetched_pages (
    url TEXT PRIMARY KEY, status INTEGER, content_type TEXT, body BLOB, fetched TEXT NOT NULL);
"""

# Wire copies (voxmap.corpus.syndication): each article's MinHash with the content hash of the article
# it was made from (articles.content_hash), and the clusters of near-identical articles with their first publication.
SYNDICATION = """
CREATE TABLE article_minhash (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, content_hash TEXT NOT NULL, signature BLOB);
CREATE TABLE syndication (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, cluster INTEGER NOT NULL,
    first_article TEXT NOT NULL, size INTEGER NOT NULL);
CREATE INDEX syndication_cluster ON syndication(cluster);
"""

# Knowledge of actors (voxmap.knowledge): the entries a knowledge file gave, every name's key, the
# entry each corpus actor is linked to, and the actors several entries could be.
KNOWLEDGE = """
CREATE TABLE knowledge (id TEXT PRIMARY KEY, type TEXT NOT NULL, gender TEXT, data TEXT NOT NULL);
CREATE TABLE knowledge_names (key TEXT NOT NULL, id TEXT NOT NULL REFERENCES knowledge(id) ON DELETE CASCADE,
    PRIMARY KEY (key, id));
CREATE TABLE knowledge_ambiguous (actor_id INTEGER PRIMARY KEY, candidates TEXT NOT NULL);
ALTER TABLE actors ADD COLUMN knowledge_id TEXT;
ALTER TABLE actors ADD COLUMN gender_source TEXT;
"""

# What stories compare (voxmap.corpus.story_terms): each article's words with the content hash and date
# they were read from, and the story it was put in (no foreign key: a removed article's row tells the
# next grouping what it held and where), and how many articles hold each word.
STORY_TERMS = """
CREATE TABLE story_terms (
    article_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, published TEXT, given TEXT, terms TEXT NOT NULL,
    story_id INTEGER);
CREATE TABLE story_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX articles_story_given ON articles(story_given);
"""

# The phrase index echoes are computed from (voxmap.corpus.echo_index): every appearance of a quoted
# phrase key, what each article and voiced quote was when indexed, each key's article count and origin.
# No foreign keys: a removed article's rows tell the next run what to take back.
ECHO_INDEX = """
CREATE TABLE echo_keys (
    key TEXT NOT NULL, article_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, quote_id INTEGER);
CREATE INDEX echo_keys_key ON echo_keys(key, quote_id);
CREATE INDEX echo_keys_article ON echo_keys(article_id);
CREATE TABLE echo_articles (article_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
CREATE TABLE echo_spans (
    quote_id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, actor_id INTEGER, voice TEXT, speaker TEXT);
CREATE INDEX echo_spans_article ON echo_spans(article_id);
CREATE TABLE echo_key_counts (key TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX echo_key_counts_articles ON echo_key_counts(articles);
CREATE TABLE echo_origins (key TEXT PRIMARY KEY, article_id TEXT NOT NULL, quote_id INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX echo_origins_origin ON echo_origins(article_id, quote_id);
CREATE INDEX echoes_origin ON echoes(origin_article, origin_quote);
"""

# Each person's name as nameparser read it (voxmap.corpus.names), so that resolving the actors again
# does not parse every name of the corpus again.
NAME_PARTS = """
CREATE TABLE name_parts (
    name TEXT PRIMARY KEY, first TEXT NOT NULL, middle TEXT NOT NULL, last TEXT NOT NULL, suffix TEXT NOT NULL)
    WITHOUT ROWID;
"""

# Wire copies found incrementally (voxmap.corpus.syndication): each article's MinHash bands (the LSH
# buckets that propose candidate copies), the pairs of articles that are copies (both ways), and the
# articles whose cluster may have split since the last run (a linked article was removed or replaced).
SYNDICATION_LINKS = """
CREATE TABLE minhash_bands (band INTEGER NOT NULL, bucket BLOB NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX minhash_bands_bucket ON minhash_bands(band, bucket);
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
CREATE TABLE syndication_links (article_id TEXT NOT NULL, other TEXT NOT NULL, PRIMARY KEY (article_id, other))
    WITHOUT ROWID;
CREATE TABLE syndication_dirty (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER articles_syndication_gone AFTER DELETE ON articles BEGIN
    INSERT OR IGNORE INTO syndication_dirty SELECT other FROM syndication_links WHERE article_id = old.id;
    DELETE FROM syndication_links WHERE article_id = old.id OR other = old.id;
    DELETE FROM minhash_bands WHERE article_id = old.id; END;
"""

# The articles' full-text index with a prefix index of six letters (the stem length of phrase keys):
# the echo index finds a newly quoted phrase's earlier appearances by stem (voxmap.corpus.echo_index),
# and a prefix query without it reads every word of the index that begins so.
FTS_PREFIX = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', prefix='6');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"""

# The voices table kept incrementally (voxmap.corpus.voices): the articles whose quotes' voices rows must
# be computed again, marked by triggers on everything a row is made of (an article added, replaced or
# removed; its story, its wire-copy status, a speaker's corpus actor or voice, that actor's name or
# organisation), and the rows a deleted quote took with it, so that the summaries lose them too.
# voices_gone copies voices' columns: a migration that adds a column to voices adds it here too.
VOICES_PENDING = """
CREATE TABLE voices_pending (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE voices_gone AS SELECT * FROM voices WHERE 0;
CREATE TRIGGER articles_voices_added AFTER INSERT ON articles BEGIN
    INSERT INTO voices_pending SELECT new.id
        WHERE new.id NOT IN (SELECT article_id FROM voices_pending); END;
CREATE TRIGGER articles_voices_removed AFTER DELETE ON articles BEGIN
    INSERT INTO voices_pending SELECT old.id
        WHERE old.id NOT IN (SELECT article_id FROM voices_pending); END;
CREATE TRIGGER articles_voices_story AFTER UPDATE OF story_id ON articles WHEN old.story_id IS NOT new.story_id BEGIN
    INSERT INTO voices_pending SELECT new.id
        WHERE new.id NOT IN (SELECT article_id FROM voices_pending); END;
CREATE TRIGGER quotes_voices_gone BEFORE DELETE ON quotes BEGIN
    INSERT INTO voices_gone SELECT * FROM voices WHERE quote_id = old.id; END;
CREATE TRIGGER article_actors_voices AFTER UPDATE OF actor_id, voice ON article_actors
    WHEN old.actor_id IS NOT new.actor_id OR old.voice IS NOT new.voice BEGIN
    INSERT INTO voices_pending SELECT new.article_id
        WHERE new.article_id NOT IN (SELECT article_id FROM voices_pending); END;
CREATE TRIGGER actors_voices AFTER UPDATE OF name, type, organization ON actors
    WHEN old.name IS NOT new.name OR old.type IS NOT new.type OR old.organization IS NOT new.organization BEGIN
    INSERT INTO voices_pending SELECT DISTINCT article_id FROM article_actors WHERE actor_id = new.id
        AND article_id NOT IN (SELECT article_id FROM voices_pending); END;
CREATE TRIGGER syndication_voices_added AFTER INSERT ON syndication BEGIN
    INSERT INTO voices_pending SELECT new.article_id
        WHERE new.article_id NOT IN (SELECT article_id FROM voices_pending); END;
CREATE TRIGGER syndication_voices_changed AFTER UPDATE ON syndication BEGIN
    INSERT INTO voices_pending SELECT new.article_id
        WHERE new.article_id NOT IN (SELECT article_id FROM voices_pending); END;
CREATE TRIGGER syndication_voices_removed AFTER DELETE ON syndication BEGIN
    INSERT INTO voices_pending SELECT old.article_id
        WHERE old.article_id NOT IN (SELECT article_id FROM voices_pending); END;
"""

# Actors resolved incrementally (voxmap.corpus.actor_updates): the index tokens each name's merge
# decision read (a surname, a full name, an organisation's core, acronym or first word), the names and
# actors of deleted mentions, and an index to find a name's mentions.
ACTOR_TOKENS = """
CREATE TABLE actor_name_tokens (token TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (token, name)) WITHOUT ROWID;
CREATE INDEX actor_name_tokens_name ON actor_name_tokens(name);
CREATE TABLE actors_gone (name TEXT NOT NULL, type TEXT NOT NULL, actor_id INTEGER);
CREATE TRIGGER article_actors_gone AFTER DELETE ON article_actors BEGIN
    INSERT INTO actors_gone VALUES (old.name, old.type, old.actor_id); END;
CREATE INDEX article_actors_name ON article_actors(name);
CREATE INDEX roles_institution ON roles(institution);
"""

# Each indexed article's content words as phrase keys spell them (voxmap.corpus.echo_index), in a
# full-text index of their own: a newly quoted phrase's earlier appearances are found by one phrase
# query, exactly, instead of reading every article that holds its words anywhere. Filled for the
# articles indexed before it on the next echo update.
ECHO_STEMS = """
CREATE VIRTUAL TABLE echo_stems USING fts5(stems);
ALTER TABLE echo_articles ADD COLUMN stems_rowid INTEGER;
CREATE INDEX echo_articles_stems ON echo_articles(stems_rowid);
"""

# The articles whose voices rows the voices stage (or a review) computed again since the echo index
# last looked (voxmap.corpus.echo_index): it compares their quotes' speakers, not the whole table's.
ECHO_PENDING = """
CREATE TABLE echo_pending (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO echo_pending SELECT id FROM articles;
"""

# The actors whose article voices must be set again (voxmap.corpus.article_voices): written by the
# actors stage in its own transaction, cleared by the article voices stage in its own.
ARTICLE_VOICES_PENDING = """
CREATE TABLE article_voices_pending (actor_id INTEGER PRIMARY KEY);
"""

# Each indexed article's phrase keys, hashed (voxmap.corpus.echo_index): a newly quoted key's other
# articles are found by a lookup, not by a phrase query whose cost grows with its commonest word's
# articles. The articles indexed before it are filled on the next echo update.
ECHO_GRAMS = """
CREATE TABLE echo_grams (gram INTEGER NOT NULL, stems_rowid INTEGER NOT NULL);
CREATE INDEX echo_grams_gram ON echo_grams(gram, stems_rowid);
CREATE TABLE echo_grams_pending (stems_rowid INTEGER PRIMARY KEY);
INSERT INTO echo_grams_pending SELECT stems_rowid FROM echo_articles WHERE stems_rowid IS NOT NULL;
"""

# A summary row found by its whole key (voxmap.corpus.summaries.patch_summaries): by grouping and
# group alone, each patched row scanned its group (every actor of "all").
VOICE_TOTALS_KEY = """
DROP INDEX voice_totals_grouping;
CREATE INDEX voice_totals_key ON voice_totals(grouping, grp, actor_id, voice, speaker_type);
"""

# The keys a quote holds, found by the quote (voxmap.corpus.echo_index): a speaker changed on a
# quote scanned every appearance of every key.
ECHO_KEYS_QUOTE = """
CREATE INDEX echo_keys_quote ON echo_keys(quote_id);
"""

# The distinct names and types the actors stage indexes, read from an index rather than from every
# mention (voxmap.corpus.actor_updates).
ACTOR_NAMES_TYPES = """
DROP INDEX article_actors_name;
CREATE INDEX article_actors_name_type ON article_actors(name, type);
"""

# Echoes (voxmap.corpus.echoes): a phrase is a speaker's only in their own words (the writer's report of
# a statement is not), and a wire copy of the origin's article is no use of it. The index is made again
# on the next echo update (it forgets the corpus size it last counted), and the articles a wire-copy
# grouping touched wait in echo_copies_changed for the echo update to redo their phrases. An echo whose
# words are all common in the corpus is shared vocabulary (echoes.common), kept but not shown; each echo
# keeps its phrase's stems and its articles' count, read again at every update.
ECHO_OWN_WORDS = """
CREATE TABLE echo_copies_changed (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
DELETE FROM settings WHERE name = 'echo_articles_counted';
ALTER TABLE echoes ADD COLUMN common INTEGER NOT NULL DEFAULT 0;
ALTER TABLE echoes ADD COLUMN stems TEXT NOT NULL DEFAULT '';
ALTER TABLE echoes ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
"""

# Whether an echo's words are all common (voxmap.corpus.echo_common), kept as the corpus changes without
# reading every echo: each content word's count of indexed articles, and each echo's words by word and
# own count; the echoes of a voice, for its echo_voices row. The echoes are made again on the next echo update (it forgets the corpus size it last
# counted), which fills both.
ECHO_WORDS = """
CREATE TABLE echo_stem_counts (stem TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE echo_words (
    stem TEXT NOT NULL, articles INTEGER NOT NULL, echo_id INTEGER NOT NULL REFERENCES echoes(id) ON DELETE CASCADE,
    PRIMARY KEY (stem, articles, echo_id)) WITHOUT ROWID;
CREATE INDEX echo_words_echo ON echo_words(echo_id);
CREATE INDEX echoes_voice ON echoes(origin_voice);
DELETE FROM settings WHERE name = 'echo_articles_counted';
"""

# Whether the article names an actor as a place ("Fort Pierce", "Marseille"): no voice, where the
# language's rules say its model reads places well (voices.toml places_speak).
ARTICLE_ACTOR_PLACES = """
ALTER TABLE article_actors ADD COLUMN place INTEGER NOT NULL DEFAULT 0;
"""

# The names read as places, found without reading every mention: the merge index asks for them at
# each ingest (voxmap.corpus.stored_actors.stored_places).
ARTICLE_ACTOR_PLACE_NAMES = """
CREATE INDEX article_actors_place_names ON article_actors(name) WHERE place = 1;
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", INITIAL),
    ("0002_voices", VOICES),
    ("0003_summaries", SUMMARIES),
    ("0004_dashboard", DASHBOARD),
    ("0005_input_encoding", INPUT_ENCODING),
    ("0006_echoes", ECHOES),
    ("0007_role_voices", ROLE_VOICES),
    ("0008_input_repairs", INPUT_REPAIRS),
    ("0009_gender", GENDER),
    ("0010_fetched_pages", FETCHED_PAGES),
    ("0011_syndication", SYNDICATION),
    ("0012_knowledge", KNOWLEDGE),
    ("0013_story_terms", STORY_TERMS),
    ("0014_echo_index", ECHO_INDEX),
    ("0015_name_parts", NAME_PARTS),
    ("0016_syndication_links", SYNDICATION_LINKS),
    ("0017_fts_prefix", FTS_PREFIX),
    ("0018_voices_pending", VOICES_PENDING),
    ("0019_actor_tokens", ACTOR_TOKENS),
    ("0020_echo_stems", ECHO_STEMS),
    ("0021_echo_pending", ECHO_PENDING),
    ("0022_article_voices_pending", ARTICLE_VOICES_PENDING),
    ("0023_echo_grams", ECHO_GRAMS),
    ("0024_voice_totals_key", VOICE_TOTALS_KEY),
    ("0025_echo_keys_quote", ECHO_KEYS_QUOTE),
    ("0026_actor_names_types", ACTOR_NAMES_TYPES),
    ("0027_echo_own_words", ECHO_OWN_WORDS),
    ("0028_echo_words", ECHO_WORDS),
    ("0029_article_actor_places", ARTICLE_ACTOR_PLACES),
    ("0030_article_actor_place_names", ARTICLE_ACTOR_PLACE_NAMES),
]


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """The migrations a database lacks, without changing it."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")} if "migrations" in tables else set()
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations the database lacks, each in its own transaction; return their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        with conn:
            conn.execute("BEGIN")
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (name, applied) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        applied.append(name)
    return applied


def _statements(sql: str):
    """Split a script into statements, keeping trigger bodies whole."""
    buffer = ""
    for line in sql.strip().splitlines():
        if line.strip().startswith("--") and not buffer:
            continue
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
