-- Words of messages for top terms: PostgreSQL's own English and French stop-word lists, no stemming (the
-- terms are shown as written, lower-cased); numbers, URLs and e-mail addresses are not terms.
create text search dictionary animo_words_en (template = pg_catalog.simple, stopwords = english);
create text search dictionary animo_words_fr (template = pg_catalog.simple, stopwords = french);

create text search configuration animo_terms_en (parser = pg_catalog.default);
alter text search configuration animo_terms_en add mapping for asciiword, word, asciihword, hword with animo_words_en;

create text search configuration animo_terms_fr (parser = pg_catalog.default);
alter text search configuration animo_terms_fr add mapping for asciiword, word, asciihword, hword with animo_words_fr;

-- top terms and term back-fills read a community's (or tenant's) messages of a period
create index message_by_community_time on message (tenant_id, community_id, created_at);
