"""Build-time code of 拆牆 / Tearing Down the Walls: data, renderers and checks.

`hooks/mkdocs_hooks.py` is the only module that knows about MkDocs events; the
subpackages here can be used and tested without MkDocs.
"""
