"""The dateline family: the rule types over the recognised dateline, and its date agreement."""
