"""From articles to actor mentions: the linker run over a spaCy pipeline with article dates.

nlp = build_actor_pipeline()
mentions = article_mentions(article, nlp)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from dyads.actors.linker import DATE_EXTENSION, LinkedMention, add_actor_linker, link_mentions
from dyads.model import Article, Mention
from dyads.nlp import load_model


def build_actor_pipeline(model: str | None = None, actors_files: Iterable[str] = ()) -> Language:
    """A spaCy pipeline (the configured model) with the actor linker added after NER."""
    return add_actor_linker(load_model(model), actors_files)


def article_mentions(article: Article, nlp: Language) -> list[Mention]:
    """Link the actors of one article, with roles looked up on its publication date."""
    return next(stream_mentions([article], nlp))


def stream_mentions(
    articles: Iterable[Article], nlp: Language, batch_size: int = 32
) -> Iterator[list[Mention]]:
    """Mentions per article for a stream of articles, parsed in batches."""
    articles = list(articles)
    for article, doc in zip(
        articles, nlp.pipe(dated_docs(articles, nlp), batch_size=batch_size), strict=True
    ):
        yield [mention_record(article, linked) for linked in link_mentions(doc)]


def dated_docs(articles: Iterable[Article], nlp: Language) -> Iterator[Doc]:
    """Unparsed docs carrying their article's date, which roles are looked up on: the publication
    date, else the day the article was ingested."""
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.set(DATE_EXTENSION, article_date(article))
        yield doc


def article_date(article: Article) -> dt.date:
    return article.published.date if article.published else article.ingested_at.date()


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country (first three letters) and role (the rest) of a CAMEO actor code."""
    return (code[:3] or None), (code[3:] or None)


def mention_record(article: Article, linked: LinkedMention) -> Mention:
    """The stored record of a linked mention of an article."""
    country, role = split_code(linked.code)
    return Mention(
        doc=article.doc,
        article_id=article.id,
        sentence_index=linked.sentence_index,
        start=linked.start,
        end=linked.end,
        text=linked.text,
        code=linked.code,
        country=country,
        role=role,
        method=linked.method,
        entry=linked.entry,
        confidence=linked.confidence,
    )
