"""The one exception the search pipeline raises; the glue turns it into a PluginError."""

from chaiqiang.errors import ChaiqiangError


class SearchError(ChaiqiangError):
    pass
