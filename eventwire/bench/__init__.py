"""Benchmark tools: a generated corpus (``corpus``) written in each input format (``formats``)."""
