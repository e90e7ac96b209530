"""The one exception the search pipeline raises; the glue turns it into a PluginError."""


class SearchError(Exception):
    pass
