"""The names family: the story's name inventory, the newsroom names list and the rule types."""
