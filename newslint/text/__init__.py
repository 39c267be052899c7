"""The copy itself: the story model, segmentation, markup, line index, dateline recogniser and English dictionary. Imports nothing from checks."""
