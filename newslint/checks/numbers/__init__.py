"""The numbers family: the story's number inventory, its context cues and the rule types."""
