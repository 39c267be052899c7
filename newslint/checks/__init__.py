"""The rule types: `checks.base` is the Check protocol, `generic` and `spelling` the generic types, and one package
per news family (names, numbers, attribution, dateline). The table of type keys is `newslint.registry`."""
