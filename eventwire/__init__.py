"""eventwire: structured, explainable political event data from raw news articles.

The public API is small and pinned by ``tests/test_public_api.py``: every CLI command,
the web app and the distributed runner call these same functions.
"""

__version__ = "0.1.0"
