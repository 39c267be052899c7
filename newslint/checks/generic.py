"""The generic rule types, usable from TOML with no Python: existence, substitution, consistency, occurrence."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks.base import Check, Param, WordPattern, compile_pattern, majority, match_case
from newslint.finding import Applicability, Fix, Hit
from newslint.text.story import Story


class Existence(Check):
    """Flag every occurrence of listed phrases or of a pattern."""

    PARAMS = {
        "tokens": Param(list, [], "literal words or phrases, matched on word boundaries"),
        "pattern": Param(str, "", "a regular expression (the `regex` module's syntax)"),
        "ignorecase": Param(bool, True),
    }

    def setup(self) -> None:
        tokens, pattern = self.params["tokens"], self.params["pattern"]
        if bool(tokens) == bool(pattern):
            raise ValueError("give exactly one of 'tokens' and 'pattern'")
        ignorecase = self.params["ignorecase"]
        self.words = WordPattern(tokens, ignorecase) if tokens else None
        self.pattern = None if tokens else compile_pattern(pattern, ignorecase)

    def hits(self, story: Story) -> Iterable[Hit]:
        if self.words is not None and not self.words.may_match(story.masked):
            return
        for m in self.finditer(self.pattern or self.words.pattern, story.masked):
            if m.end() > m.start():
                yield Hit(m.start(), m.end())


class Substitution(Check):
    """Replace listed forms with the house form; a safe fix unless `fix` says otherwise."""

    PARAMS = {
        "swap": Param(dict, doc="table of form = preferred form"),
        "ignorecase": Param(bool, True),
        "fix": Param(str, "safe", "safe, unsafe or none"),
    }
    ARGS = frozenset({"suggestion"})

    def setup(self) -> None:
        swap = self.params["swap"]
        if not swap or not all(isinstance(v, str) for v in swap.values()):
            raise ValueError("'swap' must map forms to preferred forms (strings)")
        fold = str.lower if self.params["ignorecase"] else str
        keys = {fold(k) for k in swap}
        loops = [k for k, v in swap.items() if fold(v) in keys]
        if loops:
            raise ValueError(f"'swap' would loop on {sorted(loops)}")
        if self.params["fix"] not in ("safe", "unsafe", "none"):
            raise ValueError("'fix' must be safe, unsafe or none")
        self.lookup = {k.lower(): v for k, v in swap.items()} if self.params["ignorecase"] else dict(swap)
        self.words = WordPattern(swap, self.params["ignorecase"])

    def hits(self, story: Story) -> Iterable[Hit]:
        if not self.words.may_match(story.masked):
            return
        for m in self.finditer(self.words.pattern, story.masked):
            found = story.text[m.start() : m.end()]
            key = " ".join(found.split())
            preferred = self.lookup[key.lower() if self.params["ignorecase"] else key]
            suggestion = match_case(preferred, found) if self.params["ignorecase"] else preferred
            fix = None
            if self.params["fix"] != "none":
                fix = Fix(suggestion, Applicability(self.params["fix"]))
            yield Hit(m.start(), m.end(), {"suggestion": suggestion}, (suggestion,), fix)


class Consistency(Check):
    """Either/or forms in one story: flag the minority form, suggest the majority one."""

    PARAMS = {
        "either": Param(list, doc="groups of forms that mean the same, e.g. [['cease-fire', 'ceasefire']]"),
        "ignorecase": Param(bool, True),
    }
    ARGS = frozenset({"preferred", "count", "preferred_count"})

    def setup(self) -> None:
        groups = self.params["either"]
        if not groups or not all(isinstance(g, list) and len(g) >= 2 for g in groups):
            raise ValueError("'either' must be a list of groups of two or more forms")
        ignorecase = self.params["ignorecase"]
        self.groups = [(WordPattern(g, ignorecase), [self._key(f) for f in g]) for g in groups]

    def _key(self, form: str) -> str:
        form = " ".join(form.split())
        return form.lower() if self.params["ignorecase"] else form

    def hits(self, story: Story) -> Iterable[Hit]:
        for words, _ in self.groups:
            if not words.may_match(story.masked):
                continue
            found = [(m.start(), m.end(), self._key(m.group())) for m in self.finditer(words.pattern, story.masked)]
            usual = majority(key for _, _, key in found)
            if usual is None:
                continue
            preferred, counts = usual
            shown = next(story.text[s:e] for s, e, k in found if k == preferred)
            for start, end, key in found:
                if key != preferred:
                    args = {"preferred": shown, "count": counts[key], "preferred_count": counts[preferred]}
                    yield Hit(start, end, args, (match_case(shown, story.text[start:end]),))


class Occurrence(Check):
    """Flag a sentence longer than `max` words."""

    PARAMS = {"max": Param(int, doc="the most words a sentence may have")}
    ARGS = frozenset({"count", "max"})

    def setup(self) -> None:
        if self.params["max"] < 1:
            raise ValueError("'max' must be at least 1")

    def hits(self, story: Story) -> Iterable[Hit]:
        limit = self.params["max"]
        for sentence in story.sentences:
            count = len(story.masked[sentence.start : sentence.end].split())
            if count > limit:
                yield Hit(sentence.start, sentence.end, {"count": count, "max": limit})
