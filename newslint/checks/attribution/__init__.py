"""The attribution family: the lexicon of speech verbs and claims, sourcing and the rule types."""
