-- The language each user chose for the web application (fr or en); null until they choose.
ALTER TABLE users ADD COLUMN language character varying(8);
