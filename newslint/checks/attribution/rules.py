"""The attribution rule types: quotes with no speaker, unsourced claims, vague and anonymous sourcing,
loaded attribution verbs. Word lists are TOML data (rules/data/attribution.toml)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newslint.checks.attribution.claims import Claim, ClaimFinder
from newslint.checks.attribution.lexicon import DEFAULT_LEXICON, AttributionLexicon, load_lexicon
from newslint.checks.attribution.sourcing import SentenceFacts, Sourcing
from newslint.checks.base import Check, Param
from newslint.finding import Applicability, Fix, Hit, Level
from newslint.text.patterns import cached_pattern, word_alternation
from newslint.text.segment import Quote, Span
from newslint.text.story import BODY, BYLINE, HEADLINE, Story

_LEXICON = Param(str, DEFAULT_LEXICON, "word lists: a file under rules/data/ or an absolute path")
_ANY_WORD = r"[\w.'’-]+"
_SPACE = regex.compile(r"\s+")
_CLAUSE_BREAK = regex.compile(r"[,;:()—–]")
_AUXILIARY_BEFORE = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|be|been|being|will|would|could|may|might|did|does|do)\s+(?:\p{L}+ly\s+)?$",
    regex.IGNORECASE,
)


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


class _AttributionCheck(Check):
    """What every attribution type shares: the lexicon and the story's attribution facts."""

    PARAMS = {"lexicon": _LEXICON}

    def setup(self) -> None:
        self.lexicon: AttributionLexicon = load_lexicon(self.params["lexicon"])

    def sourcing(self, story: Story) -> Sourcing:
        return Sourcing.of(story, self.lexicon, self.context.regex_timeout)


class UnattributedQuote(_AttributionCheck):
    """A quoted full clause with no speaker in its sentence, its paragraph, where its run began, in an
    attributed quotation just before it or in the sentence just before it (style facts 3.2, 3.6 #1)."""

    PARAMS = {
        "lexicon": _LEXICON,
        "min-words": Param(int, 4, "fewer words than this is a scare quote or a phrase, not a clause"),
        "title-share": Param(float, 0.75, "this share of capitalised long words makes a quote a title"),
    }

    def setup(self) -> None:
        super().setup()
        if self.params["min-words"] < 1 or not 0 < self.params["title-share"] <= 1:
            raise ValueError("'min-words' must be at least 1 and 'title-share' in (0, 1]")

    def hits(self, story: Story) -> Iterable[Hit]:
        sourcing = self.sourcing(story)
        for run in _runs(story.quotes):
            if not self._is_clause(story, run[0]) or _quote_attributed(sourcing, run):
                continue
            # "Smith says the children are fine." then a bare quote paragraph: the speaker is named just
            # before (Reuters: identify the speaker quickly, usually after the quote's first sentence).
            if not _speaker_before(sourcing, run):
                yield Hit(run[0].start, run[0].end)

    def _is_clause(self, story: Story, quote: Quote) -> bool:
        inner = story.masked[quote.start + 1 : quote.end].strip(" \t\r\n\"“”«».,;:!?…-—–'‘’")
        words = inner.split()
        if len(words) < self.params["min-words"] or not (inner[:1].isupper() or inner[:1].isdigit()):
            return False
        long_words = [w for w in words if len(w) > 3]
        capitals = sum(w[:1].isupper() for w in long_words)
        if long_words and capitals / len(long_words) >= self.params["title-share"]:
            return False  # a title or a name: "The Lord of the Rings"
        sentence = story.sentence_at(quote.start)
        before = story.masked[sentence.start if sentence else quote.start : quote.start].rstrip()
        return not before or before[-1] in self.lexicon.clause_openers


def _runs(quotes: list[Quote]) -> list[list[Quote]]:
    """Quotations grouped by run: a quote continued over paragraphs is one quotation."""
    runs: dict[int, list[Quote]] = {}
    for quote in quotes:
        runs.setdefault(quote.run, []).append(quote)
    return list(runs.values())


def _quote_attributed(sourcing: Sourcing, run: list[Quote]) -> bool:
    facts, speaking = sourcing.facts, sourcing.speaking
    if not facts:
        return True
    first, last = sourcing.index(run[0].start), sourcing.index(run[-1].end - 1)
    paragraphs = {facts[i].paragraph for i in range(first, last + 1)}
    if any(sourcing.paragraph_attributed(paragraph) for paragraph in paragraphs):
        return True  # in its sentence, the rest of its paragraph, or where the run began
    return first > 0 and speaking[first - 1]  # an attributed quotation just before runs on into this one


def _speaker_before(sourcing: Sourcing, run: list[Quote]) -> bool:
    """Whether the sentence just before the quotation attributes something ("Smith says the children are
    fine."). A sentence after it does not count: in the measured copy it named another speaker as often
    as this one, and it silenced no quote on clean copy that the sentence before did not."""
    first = sourcing.index(run[0].start)
    return first > 0 and sourcing.facts[first - 1].attributed


class UnsourcedClaim(_AttributionCheck):
    """Casualty and damage counts, estimates and accusations with no source in the sentence, its
    paragraph or the sentence beside it, outside court copy (style facts 3.1, 3.2, 3.3 casualty figures,
    3.6 #3)."""

    PARAMS = {
        "lexicon": _LEXICON,
        "count-window": Param(int, 6, "the most words between a number and a casualty word"),
        "headline": Param(str, "story", "story: a headline is sourced if the body sources such a claim; "
                          "sentence: judged like body copy; off: headlines are not checked"),
    }  # fmt: skip
    ARGS = frozenset({"kind"})

    def setup(self) -> None:
        super().setup()
        if self.params["headline"] not in ("story", "sentence", "off"):
            raise ValueError("'headline' must be story, sentence or off")
        if self.params["count-window"] < 1:
            raise ValueError("'count-window' must be at least 1")
        self.finder = ClaimFinder(self.lexicon, self.params["count-window"])

    def hits(self, story: Story) -> Iterable[Hit]:
        sourcing = self.sourcing(story)
        if self._court_copy(story, sourcing):
            return  # Reuters: court documents are public domain; the case's counts are its record
        found = [(i, claims) for i, f in enumerate(sourcing.facts) if (claims := self.finder.claims(sourcing, f.span))]
        sourced_kinds = {c.kind for i, claims in found for c in claims if self._sourced(sourcing, i, c.span)}
        for index, claims in found:
            claim = next((c for c in claims if not self._sourced(sourcing, index, c.span)), None)
            block = story.block_at(sourcing.facts[index].span.start)
            if claim is None or block == BYLINE:
                continue
            if block != HEADLINE:
                # AP: restate attribution unless context makes the source clear; Reuters: sourcing may
                # come high rather than first. A source in the sentence beside it is that context.
                if not _near_attributed(sourcing, index):
                    yield self._hit(claim, None)
            elif self._headline_reported(claim, sourced_kinds):
                yield self._hit(claim, Level.SUGGESTION)

    def _court_copy(self, story: Story, sourcing: Sourcing) -> bool:
        """Whether the lead, the first sentence of the body, reports court proceedings."""
        lead = next((f for f in sourcing.facts if story.block_at(f.span.start) not in (HEADLINE, BYLINE)), None)
        return lead is not None and bool(sourcing.matches("court_lead", lead.span))

    def _headline_reported(self, claim: Claim, sourced_kinds: set[str]) -> bool:
        """Headlines carry no attribution: judged against the body unless the mode says otherwise."""
        mode = self.params["headline"]
        return mode == "sentence" or mode == "story" and claim.kind not in sourced_kinds

    @staticmethod
    def _hit(claim: Claim, level: Level | None) -> Hit:
        return Hit(claim.span.start, claim.span.end, {"kind": claim.kind}, level=level)

    def _sourced(self, sourcing: Sourcing, index: int, trigger: Span) -> bool:
        fact = sourcing.facts[index]
        if fact.vague or any(not _overlaps(a, [trigger]) for a in fact.attributions):
            return True  # vague sourcing is the vague rule's business, not this one's
        if any(not _overlaps(c, [trigger]) for c in sourcing.verbs("cognition", fact.span)):
            return True  # "police believe", "officials estimate"
        if sourcing.matches("established", fact.span):
            return True  # a court's finding: "found guilty of manslaughter over the deaths of 14"
        if sourcing.matches("dated", fact.span):
            return True  # "on December 2": an event more than a week old, recalled (AP dates)
        paragraph = fact.paragraph
        return sourcing.paragraph_attributed(paragraph) or sourcing.paragraph_vague(paragraph)


def _near_attributed(sourcing: Sourcing, index: int) -> bool:
    """Whether the sentence before or after, or another sentence of the paragraph, attributes."""
    facts = sourcing.facts
    neighbours = facts[max(0, index - 1) : index] + facts[index + 1 : index + 2]
    return any(f.attributed for f in neighbours) or sourcing.attributed_elsewhere(index)


class Vague(_AttributionCheck):
    """An unnamed speaker ("sources say", "it is understood") with no named source in its sentence, or a
    hedge ("reportedly", "is believed to") with none in its sentence, its paragraph or the sentence
    beside it (style facts 3.4, 3.5)."""

    def hits(self, story: Story) -> Iterable[Hit]:
        sourcing = self.sourcing(story)
        for index, fact in enumerate(sourcing.facts):
            for vague in fact.vague:
                if not self._sourced(sourcing, fact, vague) and not self._answered_nearby(sourcing, index, vague):
                    yield Hit(vague.start, vague.end)

    def _answered_nearby(self, sourcing: Sourcing, index: int, vague: Span) -> bool:
        """Whether the sentence beside it or its paragraph names the source the vague form leaves out."""
        lexicon, start, end = self.lexicon, vague.start, vague.end
        if lexicon.unnamed.fullmatch(sourcing.prose, start, end):
            return False  # "sources say", "it is understood": a source beside it is somebody else
        if lexicon.allegation.fullmatch(sourcing.prose, start, end):
            # AP "alleged": who alleges it. The charge comes first ("He was charged with fraud. He allegedly
            # moved the money."); an accusation after it is most often about something else.
            return _near(sourcing, index, vague, "accusation_source", after=False)
        if lexicon.report.fullmatch(sourcing.prose, start, end):
            return _near(sourcing, index, vague, "report_source")  # "reportedly": which report, reporting
        return _near_attributed(sourcing, index)  # "is believed to": by the source just named

    def _sourced(self, sourcing: Sourcing, fact: SentenceFacts, vague: Span) -> bool:
        if any(self._answers(sourcing, vague, a) for a in fact.attributions):
            return True
        return self._accused(sourcing, fact, vague)

    def _accused(self, sourcing: Sourcing, fact: SentenceFacts, vague: Span) -> bool:
        """For "allegedly": whether an accuser before it in the sentence alleges it ("charged with
        allegedly", "arrested after he allegedly"): AP "alleged" - specify the source of the allegation."""
        lexicon, prose = self.lexicon, sourcing.prose
        if not lexicon.allegation.fullmatch(prose, vague.start, vague.end):
            return False
        accusers = sourcing.matches("accuser", Span(fact.span.start, vague.start))
        return any(lexicon.accuser_link.fullmatch(prose, a.end, vague.start) for a in accusers)

    @staticmethod
    def _answers(sourcing: Sourcing, vague: Span, attribution: Span) -> bool:
        """Whether an attribution in the sentence is the vague form's source.

        After the vague form, it is only past a clause break ("..., police said") or as "according to":
        otherwise it is part of what is reported, the act a hedge modifies ("Blinken reportedly told
        Netanyahu") or speech in the clause an unnamed speaker introduces ("Critics say the report reveals"). Before it,
        it is unless a clause break parts them and the form is an unnamed speaker: "..., saying the talks
        failed, sources said" names its own unnamed source (issue 16)."""
        prose, lexicon = sourcing.prose, sourcing.lexicon
        unnamed = lexicon.unnamed.fullmatch(prose, vague.start, vague.end) is not None
        if attribution.start < vague.end:
            return not (unnamed and _CLAUSE_BREAK.search(prose, attribution.end, vague.start))
        if unnamed:
            return "," in prose[vague.end : attribution.start]
        if prose[attribution.start : attribution.end].lower().startswith("according"):
            return True  # "is believed to have fled according to police"
        # "He was reportedly arrested, police said" names the source; "reportedly told", or the verb of a
        # clause inside what is reported ("is reportedly talking about a man who has confessed"), does not.
        return _CLAUSE_BREAK.search(prose, vague.end, attribution.start) is not None


def _near(sourcing: Sourcing, index: int, vague: Span, pattern: str, after: bool = True) -> bool:
    """Whether the sentence, the one before or after it, or its paragraph holds `pattern` outside the vague
    forms there ("is reported to" names no report) and not as the act the form modifies ("reportedly told
    Israel Radio": the telling is what is reported)."""
    prose, gap = sourcing.prose, sourcing.lexicon.governed_gap
    paragraphs = {f.paragraph for f in sourcing.facts[max(0, index - 1) : index + 2]}
    for paragraph in sorted(paragraphs):
        # A source that is itself vague ("some reports said") names nothing: the matches exclude them.
        for at, m in sourcing.paragraph_matches(pattern, paragraph):
            if abs(at - index) > 1 and paragraph != sourcing.facts[index].paragraph or at > index and not after:
                continue  # a paragraph beside it counts only through its sentence next to this one
            if (
                not after
                and at == index
                and m.start >= vague.end
                and _AUXILIARY_BEFORE.search(prose, max(0, vague.start - 40), vague.start)
            ):
                # "is allegedly the first indictment": after an auxiliary the form qualifies the predicate, and an
                # accusation after it is part of what is alleged; "A suspect allegedly involved in ... has been
                # charged" is a phrase inside the subject, and the charge after it is its source.
                continue
            # Right after the form in its own sentence, it is what is reported ("allegedly been charged").
            if not (at == index and m.start >= vague.end and gap.fullmatch(prose, vague.end, m.start)):
                return True
    return False


class UnattributedStance(_AttributionCheck):
    """A reporter's sentence that states what someone feels, wants or expects ("He hopes ...", "She is
    confident ...", "it is unclear ...") with no speech verb, belief or quotation in it (issue 16; style
    facts 3.3). A source in the sentence beside it does not answer it: "Smith says the talks failed. He is
    confident ..." still states his confidence as fact (Bender et al.: attribute each stance)."""

    _NOUN_AFTER = regex.compile(r"\s+(?:of|for|about|that\s+(?:were|are|had|have))\b", regex.IGNORECASE)
    # What may stand right before a holder that is the subject of its own clause: the sentence start, a
    # clause break or a conjunction (a determiner before it is looked past). Any other word before it means
    # the holder sits in a relative clause ("the group he hoped to lead", "the amount the United States
    # was willing to supply"), which states no stance of its own.
    _CLAUSE_OPENER = regex.compile(
        r"(?:[,;:(—–-]|\b(?:and|but|yet|so|or|because|although|though|while|whereas|as|since|if|when|now|still"
        r"|also|however|meanwhile|that|then|instead|indeed|even|already))$",
        regex.IGNORECASE,
    )

    _DETERMINER = regex.compile(r"\b(?:the|a|an)$", regex.IGNORECASE)  # "the Government hopes": look before it
    _HOLDER = regex.compile(r"(?:he|she|they|we|i|it)\b|(?-i:\p{Lu})", regex.IGNORECASE)  # a form with a holder
    _IMPERSONAL = regex.compile(r"it\s+(?:is|was|seems|seemed|appears|appeared|remains|remained)\b", regex.IGNORECASE)

    PARAMS = {
        "lexicon": _LEXICON,
        "source-before": Param(bool, False, "a source in the sentence just before, or earlier in the paragraph, "
                               "answers the stance (the speaker runs on): fewer findings, fewer catches"),
    }  # fmt: skip

    def hits(self, story: Story) -> Iterable[Hit]:
        sourcing = self.sourcing(story)
        runs_on = self.params["source-before"]
        for index, fact in enumerate(sourcing.facts):
            if fact.attributed or fact.quoting or fact.vague or story.block_at(fact.span.start) != BODY:
                continue  # a quotation or a named source states it; vague sourcing is the vague rule's
            if runs_on and (index > 0 and sourcing.facts[index - 1].attributed or sourcing.attributed_earlier(index)):
                continue
            found = sourcing.matches("stance", fact.span)
            stances = [m for m in found if not self._noun(sourcing, m) and not self._embedded(sourcing, fact, m)]
            if stances and not self._held_by_a_source(sourcing, fact, found):
                yield Hit(stances[0].start, stances[0].end)

    @staticmethod
    def _held_by_a_source(sourcing: Sourcing, fact: SentenceFacts, stances: list[Span]) -> bool:
        """ "Police believe the fire was lit", "officials complained Japan ...": a belief (other than the
        stance itself, "The Government believes") or a speech verb that takes a plain object elsewhere
        still names whose stance it is."""
        span = fact.span
        beliefs = [c for c in sourcing.verbs("cognition", span) if not _overlaps(c, stances)]
        return bool(beliefs or sourcing.matches("clause_verb", span) or sourcing.matches("quote_verb", span))

    def _noun(self, sourcing: Sourcing, stance: Span) -> bool:
        """ "Brazilian hopes of a deal": the verb is a noun."""
        return self._NOUN_AFTER.match(sourcing.prose, stance.end) is not None

    def _embedded(self, sourcing: Sourcing, fact: SentenceFacts, stance: Span) -> bool:
        """ "the group he hoped to lead": the holder follows a noun, inside a relative clause."""
        if self._IMPERSONAL.match(sourcing.prose, stance.start) or not self._HOLDER.match(sourcing.prose, stance.start):
            return False  # "a fire which it is feared will devour homes" states a stance all the same
        before = self._DETERMINER.sub("", sourcing.prose[fact.span.start : stance.start].rstrip()).rstrip()
        return bool(before) and self._CLAUSE_OPENER.search(before) is None


class AnonymousSource(_AttributionCheck):
    """An unnamed source ("an official said", "security sources said") with no reason for anonymity in
    the sentence, the next one or the paragraph (style facts 3.1 AP anonymous sources)."""

    PARAMS = {
        "lexicon": _LEXICON,
        "speaker-window": Param(int, 5, "the most words between an unnamed source and its speech verb"),
    }

    def setup(self) -> None:
        super().setup()
        if self.params["speaker-window"] < 0:
            raise ValueError("'speaker-window' must be 0 or more")
        lexicon = self.lexicon
        indefinite, noun = word_alternation(lexicon.indefinite), lexicon.source("anonymous_noun")
        back, stop = (
            word_alternation(lexicon.back_reference),
            word_alternation(lexicon.not_description | lexicon.back_reference),
        )
        described = rf"(?:(?!(?:{stop})\s){_ANY_WORD}\s+)"
        self._phrase_source = (  # "a senior Israeli official" / "military and medical sources"
            rf"(?i)(?<![\w-])(?:(?:{indefinite})\s+{described}{{0,4}}?{noun}"
            rf"|(?<!\b(?:{back})\s+){described}(?:and\s+{described})?sources(?![\w-]))"
        )
        # Every phrase holds one of the nouns, or "sources", whole: a sentence without one is skipped.
        nouns = lexicon.first_words("anonymous_noun")
        self.nouns = frozenset() if nouns is None else nouns | {"sources"}

    @property
    def phrase(self) -> regex.Pattern[str]:
        return cached_pattern(self._phrase_source)  # compiled on first use: most stories never need it

    def hits(self, story: Story) -> Iterable[Hit]:
        sourcing = self.sourcing(story)
        for index, fact in enumerate(sourcing.facts):
            for phrase in sourcing.matches(self.phrase, fact.span, needs=self.nouns):
                if _overlaps(phrase, fact.vague) or self._compound(sourcing, phrase):
                    continue
                if not self._speaks(sourcing, fact, phrase):
                    continue
                if not self._reason_given(sourcing, index):
                    yield Hit(phrase.start, phrase.end)

    _NEXT_WORD = regex.compile(r"\s+([\w'’-]+)")

    def _compound(self, sourcing: Sourcing, phrase: Span) -> bool:
        """ "An official statement said": the source noun is an adjective of the noun after it."""
        after = self._NEXT_WORD.match(sourcing.prose, phrase.end)
        return bool(after) and after.group(1).lower() in self.lexicon.compound_heads

    def _speaks(self, sourcing: Sourcing, fact: SentenceFacts, phrase: Span) -> bool:
        """Whether the phrase is the speaker of an attribution in its sentence."""
        window = self.params["speaker-window"]
        for attribution in fact.attributions:
            if attribution.start >= phrase.end:
                gap = sourcing.prose[phrase.end : attribution.start]
                if len(gap.split()) <= window and "," not in gap:
                    return True  # "an official said", "sources close to the talks told"
            elif attribution.end <= phrase.start:
                lead = sourcing.prose[attribution.end : phrase.start]
                if len(lead.split()) <= min(2, window) and "," not in lead:
                    return True  # "said a senior official", "according to security sources"
        return False

    def _reason_given(self, sourcing: Sourcing, index: int) -> bool:
        """The reason in the paragraph, or in the next sentence unless that one brings its own source."""
        if sourcing.paragraph_matches("reason", sourcing.facts[index].paragraph):
            return True
        if index + 1 < len(sourcing.facts):
            following = sourcing.facts[index + 1]
            if not sourcing.matches(self.phrase, following.span, needs=self.nouns):
                return bool(sourcing.matches("reason", following.span))
        return False


class LoadedVerb(_AttributionCheck):
    """ "claimed", "admitted", "insisted", "revealed", "conceded" introducing speech: suggest "said"
    (style facts 3.3). Verbs inside quotations are the speaker's words and are never touched."""

    ARGS = frozenset({"suggestion"})
    _QUOTE_BEFORE = regex.compile(r"\s*,?\s*(?:[\p{L}.'’-]+\s+){0,4}")
    _QUOTE_AFTER = regex.compile(r"\s*[:,]?\s*(?=[\"“«'‘])")

    def hits(self, story: Story) -> Iterable[Hit]:
        sourcing = self.sourcing(story)
        for fact in sourcing.facts:
            for verb in sourcing.matches("loaded", fact.span):
                if self._introduces_speech(story, sourcing, verb):
                    word = story.text[verb.start : verb.end]
                    said = "said" if word.lower().endswith("ed") else "says"
                    yield Hit(verb.start, verb.end, {"suggestion": said}, (said,), Fix(said, Applicability.UNSAFE))

    def _introduces_speech(self, story: Story, sourcing: Sourcing, verb: Span) -> bool:
        if self.lexicon.not_speech_before.search(sourcing.prose, max(0, verb.start - 20), verb.start):
            return False  # "rejected claims that", "was admitted there"
        space = _SPACE.match(sourcing.prose, verb.end)
        follower = space and self.lexicon.speech_follower.match(sourcing.prose, space.end())
        if follower or self._opens_quote(story, verb.end):
            return True  # "claimed that", "insisted he", "conceded: "..."
        return any(
            self._QUOTE_BEFORE.fullmatch(story.masked, q.end, verb.start)
            for q in sourcing.quotes_ending(verb.start - 80, verb.start)
        )  # "...," he insisted / "...," conceded Smith

    def _opens_quote(self, story: Story, end: int) -> bool:
        """Whether a quotation opens right after the verb (double or single marks)."""
        gap = self._QUOTE_AFTER.match(story.masked, end)
        quote = gap and story.quote_at(gap.end())
        return bool(quote) and quote.start == gap.end()


ATTRIBUTION_TYPES: dict[str, type[Check]] = {
    "attribution-unattributed-quote": UnattributedQuote,
    "attribution-unsourced-claim": UnsourcedClaim,
    "attribution-vague": Vague,
    "attribution-unattributed-stance": UnattributedStance,
    "attribution-anonymous-source": AnonymousSource,
    "attribution-loaded-verb": LoadedVerb,
}
