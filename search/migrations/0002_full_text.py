"""The full-text structures Django's models cannot declare: an FTS5 table kept in
step by triggers on SQLite, a generated tsvector column with a GIN index on
PostgreSQL. Both index the analysed token columns of IndexEntry.

Note for later migrations: a SQLite table rebuild of portal_search_indexentry
drops the triggers; recreate them (run forwards() again) after such a change.
"""

from django.db import migrations

TABLE = "portal_search_indexentry"
COLUMNS = "title_tokens, text_tokens, term_tokens"
NEW = "new.title_tokens, new.text_tokens, new.term_tokens"
OLD = "old.title_tokens, old.text_tokens, old.term_tokens"

SQLITE_FORWARDS = [
    f"""CREATE VIRTUAL TABLE portal_search_fts USING fts5(
        {COLUMNS}, content='{TABLE}', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0")""",
    f"""CREATE TRIGGER portal_search_fts_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO portal_search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END""",
    f"""CREATE TRIGGER portal_search_fts_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO portal_search_fts(portal_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, {OLD});
    END""",
    f"""CREATE TRIGGER portal_search_fts_au AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO portal_search_fts(portal_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, {OLD});
        INSERT INTO portal_search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END""",
    "INSERT INTO portal_search_fts(portal_search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS portal_search_fts_ai",
    "DROP TRIGGER IF EXISTS portal_search_fts_ad",
    "DROP TRIGGER IF EXISTS portal_search_fts_au",
    "DROP TABLE IF EXISTS portal_search_fts",
]
POSTGRES_FORWARDS = [
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_tokens, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(term_tokens, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(text_tokens, '')), 'C')
    ) STORED""",
    f"CREATE INDEX portal_search_vector_gin ON {TABLE} USING GIN (search_vector)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS portal_search_vector_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


forwards = _run({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRES_FORWARDS})
backwards = _run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRES_BACKWARDS})


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
