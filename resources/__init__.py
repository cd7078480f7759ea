"""Bundled data (templates, model catalog, translations, icons), installed as `katib.resources`."""
