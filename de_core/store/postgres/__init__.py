"""The PostgreSQL store: many offices' workbooks in one database, an office key on every row, row-level security
per office (a regional session reads its offices), numbered SQL migrations, psycopg 3 with a connection pool.

`settings` reads [connections.postgresql] without importing psycopg (the `postgres` extra); the other modules need
it. May import: de_core.store.base, de_core.sheet, de_core.thaidate; never a capability package.
"""
