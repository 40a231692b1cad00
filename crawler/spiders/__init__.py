"""One spider per site; the file name is the spider name. Base classes live in ``base``."""
