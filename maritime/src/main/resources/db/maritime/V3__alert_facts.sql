-- What an alert's text in the reader's language is made from beyond its columns (a camera's name,
-- a port and a direction), so that summaries are no longer English text only.
alter table alert add column facts jsonb;
