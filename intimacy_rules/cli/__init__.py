"""The ``intimacy-rules`` command line."""
