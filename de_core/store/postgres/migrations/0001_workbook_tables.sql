-- The workbooks of many offices in one database. Every row carries its office; cells are text, kept as a text
-- array per sheet row exactly as a sheet holds them (ragged rows and blank rows included).

CREATE TABLE offices (
    office     text PRIMARY KEY CHECK (office <> ''),
    region     text NOT NULL DEFAULT '',          -- set by an administrator (de-dashboard region), never by the app
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tabs (
    office   text NOT NULL REFERENCES offices (office),
    title    text NOT NULL,                       -- the tab's title as it stands (Thai, English, or unknown tabs)
    position integer NOT NULL,                    -- the tab's place in the workbook
    header   text[],                              -- row 1; NULL: the tab has no row at all
    PRIMARY KEY (office, title)
);

CREATE SEQUENCE sheet_row_order AS bigint;

CREATE TABLE sheet_rows (
    office      text NOT NULL,
    title       text NOT NULL,
    seq         bigint NOT NULL DEFAULT nextval('sheet_row_order'),  -- sheet order: row 2, 3, ... by seq
    row_id      text NOT NULL DEFAULT '',         -- the id cell, normalised ('' for a row without an id)
    first_of_id boolean NOT NULL DEFAULT true,    -- false on later rows repeating an id (copied from a sheet)
    cells       text[] NOT NULL,
    PRIMARY KEY (office, title, seq),
    FOREIGN KEY (office, title) REFERENCES tabs (office, title)
);

-- Appends are idempotent by id: INSERT ... ON CONFLICT against this index, never a read-then-write.
CREATE UNIQUE INDEX sheet_rows_one_id ON sheet_rows (office, title, row_id) WHERE row_id <> '' AND first_of_id;
CREATE INDEX sheet_rows_by_id ON sheet_rows (office, title, row_id);
