"""The fast path of ingest: parse only the sentences that can hold an event.

Parsing dominates the cost of coding, and most sentences of a news article name at most one actor
and report nothing an event could be coded from (background, colour, quotes about feelings). Before
the parser runs, each article is tokenized and split into sentences by rule, and a sentence is kept
when it has
- at least two actor mentions (names, people, places or role words of the actor dictionary), or
- one actor mention and an event trigger (a word that inflects a predicate of the pattern table:
  `met`, `sanctions`, `talks`), or
- a topic term in a sentence that goes on describing a meeting or says a topic was not discussed
  (what the topic tagger reads beyond the event's own sentence), or
- an event trigger and a reference to a pair or group named before (`both countries`, `the two
  leaders`), when an earlier sentence names actors (it is then kept too), or
- a passive of a symmetric act right after a kept sentence (`An agreement is expected to be
  signed`), which the coder gives the pair of the sentence before.
Only a sentence kept here can be coded: every other event needs a named doer in its own sentence.

The kept sentences become one condensed document with their sentence starts preset (the parser
respects them), and `ParsedText` maps its offsets and sentence numbers back to the article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dyads.actors.linker import COUNTRY_NOUNS, NUMBER_REFERENCES, LinkedMention
from dyads.events.coder import STATEMENT
from dyads.extract.newscopy import match_dateline
from dyads.topics import continues_meeting, says_not_discussed

_SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
_PARAGRAPH = re.compile(r"\n")
_LEMMA_POS = ("verb", "noun")
_REFERENCES = frozenset({"he", "she", "him", "her", "they", "them", "their", "we", "us", "our"})
"""Pronouns the coder resolves to an actor (the last person, a coordinated pair, a quote's speaker)."""
_PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "was", "were"})
_ANAPHORS = frozenset({"he", "she", "him", "her", "they", "them", "their"})
"""Pronouns resolved to an actor named in an earlier sentence, which must then be parsed too."""
PARSED_TEXT_EXTENSION = "dyads_parsed_text"


@dataclass(frozen=True)
class ParsedText:
    """Where the parsed document's text sits in the article: the start of each kept sentence in the
    parsed document and in the article, and its number among the article's sentences."""

    parsed_starts: tuple[int, ...]
    article_starts: tuple[int, ...]
    sentence_numbers: tuple[int, ...]

    def article_offset(self, offset: int) -> int:
        """A character offset of the parsed document as an offset of the article's text."""
        segment = self._segment(offset)
        return offset - self.parsed_starts[segment] + self.article_starts[segment]

    def article_span(self, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        return self.article_offset(start), self.article_offset(end)

    def sentence_number(self, offset: int) -> int:
        """The article's sentence number of the kept sentence holding a parsed-document offset."""
        return self.sentence_numbers[self._segment(offset)]

    def _segment(self, offset: int) -> int:
        return max(bisect.bisect_right(self.parsed_starts, offset) - 1, 0)


def rule_sentences(doc: Doc) -> Iterator[Span]:
    """Sentences by punctuation and paragraph breaks, without a parser.

    A sentence ends after `.`, `!`, `?` or `…` (and any closing quotes or brackets) when the next
    word does not start in lower case, and at every line break; whitespace between sentences, and a
    wire dateline opening a paragraph, belong to none.
    """
    start = None
    for token in doc:
        if token.is_space:
            if start is not None and _PARAGRAPH.search(token.text):
                yield _without_dateline(doc[start : token.i])
                start = None
            continue
        if start is None:
            start = token.i
        if _PARAGRAPH.search(token.whitespace_) or _ends_sentence(doc, token):
            yield _without_dateline(doc[start : token.i + 1])
            start = None
    if start is not None:
        yield _without_dateline(doc[start:])


def _without_dateline(sentence: Span) -> Span:
    """A sentence without the wire dateline it opens with (`MOSCOW, June 19 (Reuters) –`): the parser
    would take the place for the subject and the real subject for its apposition."""
    dateline = match_dateline(sentence.text) if _starts_paragraph(sentence) else None
    if dateline is None:
        return sentence
    start = sentence.start_char + dateline.end
    first = next((token.i for token in sentence if token.idx >= start), sentence.end)
    return sentence.doc[first : sentence.end] if first < sentence.end else sentence


def _starts_paragraph(sentence: Span) -> bool:
    return sentence.start == 0 or "\n" in sentence.doc[sentence.start - 1].text_with_ws


def _ends_sentence(doc: Doc, token: Token) -> bool:
    """`.`, `!`, `?` or `…` followed by a space, or a closing quote or bracket right after one, when
    what follows does not go on in lower case (`"We will," he said` is one sentence)."""
    ends = token.text in _SENTENCE_END and bool(token.whitespace_)
    ends |= (
        token.text in _CLOSERS
        and token.i > 0
        and doc[token.i - 1].text in _SENTENCE_END
        and not doc[token.i - 1].whitespace_
    )
    if not ends:
        return token.text in _SENTENCE_END and token.i == len(doc) - 1
    following = next((t for t in doc[token.i + 1 :] if not (t.is_space or t.is_punct)), None)
    return following is None or not following.text[:1].islower()


class SentenceFilter:
    """Which sentences of a tokenized article the parser needs to see.

    Built from the coding pipeline's own tables (the linker's name and role-word matchers, the
    pattern table, the topic tagger's terms), so the filter cannot drift from what the coder codes.
    """

    def __init__(self, nlp: Language, parse_all: bool = False) -> None:
        self.parse_all = parse_all
        linker = nlp.get_pipe("dyads_actor_linker")
        self._names: PhraseMatcher = linker.names
        self._roles: PhraseMatcher = linker.agents
        self._topics: PhraseMatcher = nlp.get_pipe("dyads_topic_tagger").matcher
        patterns = nlp.get_pipe("dyads_event_coder").patterns
        self._needs = patterns.requirements(frozenset({STATEMENT}))
        self._symmetric = patterns.symmetric_verbs()
        lookups = nlp.get_pipe("lemmatizer").lookups
        self._exceptions = lookups.get_table("lemma_exc")
        self._rules = lookups.get_table("lemma_rules")
        self._lemmas: dict[str, frozenset[str]] = {}
        if not Doc.has_extension(PARSED_TEXT_EXTENSION):
            Doc.set_extension(PARSED_TEXT_EXTENSION, default=None)

    def kept(self, doc: Doc) -> tuple[list[tuple[int, Span]], int]:
        """The sentences to parse with their numbers in the article, and how many it has."""
        sentences = list(rule_sentences(doc))
        if self.parse_all:
            return list(enumerate(sentences)), len(sentences)
        phrases = filter_spans(
            Span(doc, start, end) for _, start, end in [*self._names(doc), *self._roles(doc)]
        )
        inside = {index for span in phrases for index in range(span.start, span.end)}
        actors = _phrase_starts(phrases)
        topics = {start for _, start, _ in self._topics(doc)}
        keep = [self._keeps(sentence, actors, inside, topics) for sentence in sentences]
        for number, sentence in enumerate(sentences):
            # `Both countries also agreed …`: a pair named before, when there is one
            if not keep[number] and _names_a_group(sentence, actors) and self._has_trigger(sentence, inside):
                keep[number] = _antecedent(sentences, number, actors) is not None
        for number in [
            n for n, sentence in enumerate(sentences) if keep[n] and _refers_back(sentence, actors)
        ]:
            antecedent = _antecedent(sentences, number, actors)
            if antecedent is not None:
                keep[antecedent] = True
        for number in range(1, len(sentences)):
            if keep[number - 1] and not keep[number]:
                keep[number] = self._continues_pair(sentences[number])
        return [(n, sentence) for n, sentence in enumerate(sentences) if keep[n]], len(sentences)

    def _keeps(self, sentence: Span, actors: set[int], inside: set[int], topics: set[int]) -> bool:
        tokens = _indices(sentence)
        named = sum(index in actors for index in tokens)
        references = sum(token.lower_ in _REFERENCES for token in sentence)
        if named and named + references >= 2 and self._has_trigger(sentence, inside):
            return True
        if any(index in topics for index in tokens):
            return continues_meeting(sentence.text) or says_not_discussed(sentence.text)
        return False

    def _has_trigger(self, sentence: Span, inside: set[int]) -> bool:
        """Whether a word outside the actors' names may be a coded predicate with what its pattern
        row needs beside it (`have … talks`, `call off … strikes`); bare statements do not count."""
        lemmas = [self.lemma_candidates(token.lower_) for token in sentence]
        present = frozenset().union(*lemmas)
        return any(
            any(needs <= present for needs in self._needs.get(lemma, ()))
            for token, candidates in zip(sentence, lemmas, strict=True)
            if token.i not in inside
            for lemma in candidates
        )

    def _continues_pair(self, sentence: Span) -> bool:
        """Whether the sentence has a passive of a symmetric act (`is expected to be signed`, `was
        formally agreed`): a participle one or two words after a form of `be`."""
        tokens = list(sentence)
        return any(
            self.lemma_candidates(token.lower_) & self._symmetric
            and any(earlier.lower_ in _PASSIVE_AUXILIARIES for earlier in tokens[max(at - 2, 0) : at])
            for at, token in enumerate(tokens)
        )

    def lemma_candidates(self, word: str) -> frozenset[str]:
        """Every lemma the word could have as a verb or a noun, by the model's own lemmatizer tables
        (its exceptions and suffix rules): no part of speech is known before parsing."""
        known = self._lemmas.get(word)
        if known is None:
            candidates = {word}
            for pos in _LEMMA_POS:
                candidates.update(self._exceptions.get(pos, {}).get(word, ()))
                for old, new in self._rules.get(pos, ()):
                    if word.endswith(old) and len(word) > len(old):
                        candidates.add(word[: len(word) - len(old)] + new)
            known = self._lemmas[word] = frozenset(candidates)
        return known

    def condense(self, doc: Doc) -> Doc:
        """A document of the kept sentences only, sentence starts preset, carrying its map to the
        article as `doc._.dyads_parsed_text`."""
        kept, _ = self.kept(doc)
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | None] = []
        parsed_starts: list[int] = []
        offset = 0
        for _, sentence in kept:
            parsed_starts.append(offset)
            tokens = [*sentence, *_spaces_after(doc, sentence.end)]
            for token in tokens:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                starts.append(True if token.i == sentence.start else None)
                offset += len(token.text) + len(token.whitespace_)
            if not spaces[-1]:
                spaces[-1] = True
                offset += 1
        condensed = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)
        condensed.user_data.update(doc.user_data)
        parsed = ParsedText(
            parsed_starts=tuple(parsed_starts),
            article_starts=tuple(sentence.start_char for _, sentence in kept),
            sentence_numbers=tuple(number for number, _ in kept),
        )
        condensed._.set(PARSED_TEXT_EXTENSION, parsed)
        return condensed


def _indices(sentence: Span) -> range:
    return range(sentence.start, sentence.end)


def _antecedent(sentences: Sequence[Span], number: int, actors: set[int]) -> int | None:
    """The nearest sentence before `number` that names an actor."""
    return next(
        (n for n in range(number - 1, -1, -1) if any(i in actors for i in _indices(sentences[n]))), None
    )


def _refers_back(sentence: Span, actors: set[int]) -> bool:
    """Whether the sentence refers back to actors named before it (`She rejected…`, `Both countries
    agreed…`)."""
    return any(token.lower_ in _ANAPHORS for token in sentence) or _names_a_group(sentence, actors)


def _names_a_group(sentence: Span, actors: set[int]) -> bool:
    """`both countries`, `the two leaders`, `the three countries' ministers`: a number word before a
    country noun or a role word, which names the pair or group last named."""
    return any(
        token.lower_ in NUMBER_REFERENCES
        and token.i + 1 < sentence.end
        and (token.nbor().lower_ in COUNTRY_NOUNS or token.i + 1 in actors)
        for token in sentence
    )


def _spaces_after(doc: Doc, index: int) -> Iterator[Token]:
    """The whitespace tokens (paragraph breaks) after a sentence: kept so that the parser sees each
    sentence with the same surroundings as in the article."""
    while index < len(doc) and doc[index].is_space:
        yield doc[index]
        index += 1


def _phrase_starts(phrases: Iterable[Span]) -> set[int]:
    """Where each actor phrase starts: matches that follow each other without a gap are one mention
    (`Russian President Vladimir Putin`)."""
    starts: set[int] = set()
    previous_end = -1
    for span in sorted(phrases):
        if span.start != previous_end:
            starts.add(span.start)
        previous_end = span.end
    return starts


def in_article(mention: LinkedMention, parsed: ParsedText) -> LinkedMention:
    """A mention found in the parsed document, with the article's offsets and sentence number."""
    start, end = parsed.article_span((mention.start, mention.end))
    return replace(mention, start=start, end=end, sentence_index=parsed.sentence_number(mention.start))
