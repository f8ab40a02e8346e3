-- Entities no article refers to any more (their documents were changed or deleted).
DELETE FROM publishers WHERE publisher_id NOT IN (SELECT publisher_id FROM articles WHERE publisher_id IS NOT NULL);
DELETE FROM authors WHERE author_id NOT IN (SELECT author_id FROM article_authors);
DELETE FROM people WHERE person_id NOT IN (SELECT person_id FROM quotes WHERE person_id IS NOT NULL);
