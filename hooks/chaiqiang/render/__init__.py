"""Renderers of the data blocks: plain functions from the dataset to HTML,
through the Jinja templates in overrides/chaiqiang/. No MkDocs needed."""
